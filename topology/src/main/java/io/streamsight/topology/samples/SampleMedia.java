package io.streamsight.topology.samples;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import javax.imageio.ImageIO;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/**
 * Sample media made in code (drawn images, a synthesised tone, corrupt variants) for the demo and
 * tests.
 */
public final class SampleMedia {

  private SampleMedia() {}

  /** A street-sign scene as PNG. */
  public static byte[] signPng() {
    BufferedImage image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(new Color(135, 180, 220));
    g.fillRect(0, 0, 640, 300);
    g.setColor(new Color(90, 90, 95));
    g.fillRect(0, 300, 640, 180);
    g.setColor(Color.WHITE);
    g.fillRect(180, 60, 280, 150);
    g.setColor(Color.RED);
    g.setStroke(new BasicStroke(6));
    g.drawRect(180, 60, 280, 150);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 40));
    g.drawString("NOTICE", 245, 120);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 22));
    g.drawString("NO PARKING", 255, 170);
    g.setColor(Color.DARK_GRAY);
    g.fillRect(310, 210, 20, 120);
    g.dispose();
    return encode(image, "png");
  }

  /** A small gradient photo-like image as JPEG. */
  public static byte[] gradientJpeg() {
    BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 240; y++) {
      for (int x = 0; x < 320; x++) {
        image.setRGB(x, y, new Color(x * 255 / 320, y * 255 / 240, 128).getRGB());
      }
    }
    return encode(image, "jpeg");
  }

  /** The first bytes of a JPEG only: a camera that died mid-upload. */
  public static byte[] truncatedJpeg() {
    byte[] jpeg = gradientJpeg();
    return Arrays.copyOf(jpeg, Math.min(jpeg.length, 600));
  }

  /** 1.5 s of a 440 Hz tone, 16 kHz mono 16-bit PCM WAV. */
  public static byte[] toneWav() {
    int rate = 16_000;
    int frames = rate * 3 / 2;
    ByteBuffer pcm = ByteBuffer.allocate(frames * 2).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < frames; i++) {
      pcm.putShort((short) (8000 * Math.sin(2 * Math.PI * 440 * i / rate)));
    }
    AudioFormat format = new AudioFormat(rate, 16, 1, true, false);
    try (AudioInputStream in =
        new AudioInputStream(new ByteArrayInputStream(pcm.array()), format, frames)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      AudioSystem.write(in, AudioFileFormat.Type.WAVE, out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A WAV whose data chunk declares more bytes than the file holds. */
  public static byte[] truncatedWav() {
    byte[] wav = toneWav();
    return Arrays.copyOf(wav, wav.length / 3);
  }

  private static byte[] encode(BufferedImage image, String format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, format, out)) {
        throw new IllegalStateException("no ImageIO writer for " + format);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
