package io.streamsight.processors.caption;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamsight.processors.inference.ModelLoadException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A Hugging Face image processor's {@code preprocessor_config.json} (ViTImageProcessor and the
 * processors that share its keys: BLIP, CLIP, DeiT): convert to RGB, resize with Pillow's filter
 * ({@code resample}, see {@link PilResize}) to {@code size} ({@code height}/{@code width}, a single
 * number, or {@code shortest_edge}), optionally centre-crop to {@code crop_size}, rescale by {@code
 * rescale_factor} and normalise by {@code image_mean} / {@code image_std}, channels first.
 *
 * <p>Immutable and thread-safe.
 */
final class ImagePreprocessor {

  private final boolean resize;
  private final int height;
  private final int width;
  private final int shortestEdge;
  private final int resample;
  private final boolean crop;
  private final int cropHeight;
  private final int cropWidth;
  private final boolean rescale;
  private final double rescaleFactor;
  private final boolean normalize;
  private final float[] mean;
  private final float[] std;

  private ImagePreprocessor(JsonNode config, String where) {
    this.resize = config.path("do_resize").asBoolean(true);
    JsonNode size = config.path("size");
    if (size.isInt()) {
      this.height = size.asInt();
      this.width = size.asInt();
      this.shortestEdge = -1;
    } else if (size.has("shortest_edge")) {
      this.height = -1;
      this.width = -1;
      this.shortestEdge = size.path("shortest_edge").asInt();
    } else {
      this.height = size.path("height").asInt(224);
      this.width = size.path("width").asInt(224);
      this.shortestEdge = -1;
    }
    this.resample = config.path("resample").asInt(2);
    this.crop = config.path("do_center_crop").asBoolean(false);
    JsonNode cropSize = config.path("crop_size");
    this.cropHeight = cropSize.isInt() ? cropSize.asInt() : cropSize.path("height").asInt(-1);
    this.cropWidth = cropSize.isInt() ? cropSize.asInt() : cropSize.path("width").asInt(-1);
    this.rescale = config.path("do_rescale").asBoolean(true);
    this.rescaleFactor = config.path("rescale_factor").asDouble(1 / 255.0);
    this.normalize = config.path("do_normalize").asBoolean(true);
    this.mean = triple(config.path("image_mean"), 0.5f, where, "image_mean");
    this.std = triple(config.path("image_std"), 0.5f, where, "image_std");
    if (resample < 0 || resample > 5) {
      throw new ModelLoadException(where + ": resample " + resample + " is not a Pillow filter");
    }
    if (crop && (cropHeight <= 0 || cropWidth <= 0)) {
      throw new ModelLoadException(where + ": do_center_crop without a crop_size");
    }
    if (!crop && (!resize || shortestEdge > 0)) {
      throw new ModelLoadException(
          where + ": without a fixed resize or crop the images of a batch differ in size");
    }
    if (resize && shortestEdge <= 0 && (height <= 0 || width <= 0)) {
      throw new ModelLoadException(where + ": size must be positive");
    }
  }

  private static float[] triple(JsonNode node, float fallback, String where, String key) {
    if (node.isMissingNode() || node.isNull()) {
      return new float[] {fallback, fallback, fallback};
    }
    if (node.isNumber()) {
      float v = (float) node.asDouble();
      return new float[] {v, v, v};
    }
    if (!node.isArray() || node.size() != 3) {
      throw new ModelLoadException(where + ": " + key + " must be 3 numbers");
    }
    return new float[] {
      (float) node.get(0).asDouble(), (float) node.get(1).asDouble(), (float) node.get(2).asDouble()
    };
  }

  /** Reads {@code preprocessor_config.json} of a folder. */
  static ImagePreprocessor read(Path folder) {
    Path file = folder.resolve("preprocessor_config.json");
    if (!Files.isRegularFile(file)) {
      throw new ModelLoadException(
          "model folder " + folder + " has no preprocessor_config.json (the image processor)");
    }
    try {
      return new ImagePreprocessor(new ObjectMapper().readTree(file.toFile()), file.toString());
    } catch (IOException e) {
      throw new ModelLoadException(file + " is not readable JSON", e);
    }
  }

  /** Output height: the model's input height. */
  int outputHeight() {
    return crop ? cropHeight : height;
  }

  /** Output width: the model's input width. */
  int outputWidth() {
    return crop ? cropWidth : width;
  }

  /** The images as one {@code [n, 3, height, width]} float tensor, row-major. */
  float[] toTensor(List<BufferedImage> images) {
    int h = outputHeight();
    int w = outputWidth();
    int plane = h * w;
    float[] out = new float[images.size() * 3 * plane];
    for (int i = 0; i < images.size(); i++) {
      int[][] channels = process(images.get(i));
      for (int c = 0; c < 3; c++) {
        int offset = (i * 3 + c) * plane;
        for (int p = 0; p < plane; p++) {
          float v = channels[c][p];
          if (rescale) {
            v = (float) (v * rescaleFactor);
          }
          if (normalize) {
            v = (v - mean[c]) / std[c];
          }
          out[offset + p] = v;
        }
      }
    }
    return out;
  }

  /** RGB planes (0..255) after resizing and cropping, {@code outputHeight × outputWidth} each. */
  int[][] process(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    int[][] planes = new int[3][];
    if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
      // getRGB would map the linear gray colour space to sRGB and brighten it; Pillow's
      // convert("RGB") copies the gray value into all three channels.
      int[] gray = image.getRaster().getSamples(0, 0, w, h, 0, (int[]) null);
      planes[0] = gray;
      planes[1] = gray.clone();
      planes[2] = gray.clone();
    } else {
      int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
      planes[0] = new int[w * h];
      planes[1] = new int[w * h];
      planes[2] = new int[w * h];
      for (int p = 0; p < argb.length; p++) {
        planes[0][p] = (argb[p] >> 16) & 0xFF;
        planes[1][p] = (argb[p] >> 8) & 0xFF;
        planes[2][p] = argb[p] & 0xFF;
      }
    }
    if (resize) {
      int outW = width;
      int outH = height;
      if (shortestEdge > 0) {
        int shortSide = Math.min(w, h);
        int longSide = Math.max(w, h);
        int newLong = (int) ((long) shortestEdge * longSide / shortSide);
        outW = w <= h ? shortestEdge : newLong;
        outH = w <= h ? newLong : shortestEdge;
      }
      for (int c = 0; c < 3; c++) {
        planes[c] = PilResize.resize(planes[c], w, h, outW, outH, resample);
      }
      w = outW;
      h = outH;
    }
    if (crop) {
      int top = Math.floorDiv(h - cropHeight, 2);
      int left = Math.floorDiv(w - cropWidth, 2);
      for (int c = 0; c < 3; c++) {
        int[] cropped = new int[cropHeight * cropWidth];
        for (int y = 0; y < cropHeight; y++) {
          for (int x = 0; x < cropWidth; x++) {
            int sy = y + top;
            int sx = x + left;
            boolean inside = sy >= 0 && sy < h && sx >= 0 && sx < w;
            cropped[y * cropWidth + x] = inside ? planes[c][sy * w + sx] : 0;
          }
        }
        planes[c] = cropped;
      }
    }
    return planes;
  }
}
