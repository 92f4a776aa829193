package io.streamsight.processors.ocr;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;

/**
 * Text rendered with Java2D in the JVM's sans-serif font, dark on white, for tests that need known
 * text. Skips the calling test when the JVM has no font to draw with.
 */
final class SyntheticText {

  private static final int SIZE = 44;

  private SyntheticText() {}

  /** One line of text with a margin around it. */
  static BufferedImage line(String text) {
    Font font = font();
    FontMetrics metrics = metrics(font);
    int width = metrics.stringWidth(text) + 60;
    return draw(width, 120, font, new Object[] {text, 30, 75});
  }

  /** Four words in two columns and two rows: top left, top right, bottom left, bottom right. */
  static BufferedImage grid(
      String topLeft, String topRight, String bottomLeft, String bottomRight) {
    return draw(
        640,
        280,
        font(),
        new Object[] {
          topLeft, 40, 80, topRight, 420, 84, bottomLeft, 40, 210, bottomRight, 420, 206
        });
  }

  /** The image turned by 180 degrees. */
  static BufferedImage turned(BufferedImage image) {
    BufferedImage out =
        new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.drawImage(
        image, new AffineTransform(-1, 0, 0, -1, image.getWidth(), image.getHeight()), null);
    g.dispose();
    return out;
  }

  private static BufferedImage draw(int width, int height, Font font, Object[] textAndPositions) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    g.setColor(new Color(20, 20, 20));
    g.setFont(font);
    for (int i = 0; i < textAndPositions.length; i += 3) {
      g.drawString(
          (String) textAndPositions[i],
          (int) textAndPositions[i + 1],
          (int) textAndPositions[i + 2]);
    }
    g.dispose();
    int ink = 0;
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        ink += (image.getRGB(x, y) & 0xff) < 128 ? 1 : 0;
      }
    }
    assumeTrue(ink > 100, "Java2D drew no text (no font installed for the JVM)");
    return image;
  }

  private static Font font() {
    String[] families;
    try {
      families = GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames();
    } catch (RuntimeException | Error e) {
      families = new String[0];
    }
    assumeTrue(families.length > 0, "the JVM finds no fonts to render test text with");
    return new Font(Font.SANS_SERIF, Font.PLAIN, SIZE);
  }

  private static FontMetrics metrics(Font font) {
    Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
    try {
      return g.getFontMetrics(font);
    } finally {
      g.dispose();
    }
  }
}
