package io.streamsight.processors.inference.generate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamsight.models.onnx.OnnxModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the files of a tiny Optimum-layout export folder. */
public final class TinyExport {

  /** Which decoder files the folder has. */
  public enum Layout {
    /** {@code decoder_model.onnx} only: no cache. */
    PLAIN,
    /** {@code decoder_model.onnx} and {@code decoder_with_past_model.onnx}. */
    WITH_PAST,
    /** {@code decoder_model_merged.onnx} only. */
    MERGED
  }

  private TinyExport() {}

  /** Writes the encoder and the decoder files of the layout. */
  public static void writeModels(
      Path folder,
      OnnxModel encoder,
      TinyDecoder.Tables tables,
      TinyDecoder.Style style,
      Layout layout) {
    write(folder.resolve(Seq2SeqModel.ENCODER), encoder);
    switch (layout) {
      case PLAIN:
        write(
            folder.resolve(Seq2SeqModel.DECODER), TinyDecoder.decoder(tables, style, false, false));
        break;
      case WITH_PAST:
        write(
            folder.resolve(Seq2SeqModel.DECODER), TinyDecoder.decoder(tables, style, false, false));
        write(
            folder.resolve(Seq2SeqModel.WITH_PAST),
            TinyDecoder.decoder(tables, style, true, false));
        break;
      case MERGED:
      default:
        write(folder.resolve(Seq2SeqModel.MERGED), TinyDecoder.decoder(tables, style, true, true));
    }
  }

  public static void write(Path file, OnnxModel model) {
    try {
      model.writeTo(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes a JSON object as a file of the folder. */
  public static void writeJson(Path folder, String name, ObjectNode json) {
    try {
      Files.createDirectories(folder);
      new ObjectMapper()
          .writerWithDefaultPrettyPrinter()
          .writeValue(folder.resolve(name).toFile(), json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A config object with the special token ids: decoder start, and one id for beginning, end and
   * padding (as GPT-2 and Whisper have it).
   */
  public static ObjectNode tokenIds(long decoderStart, long endOfText) {
    ObjectNode json = object();
    json.put("decoder_start_token_id", decoderStart);
    json.put("bos_token_id", endOfText);
    json.put("eos_token_id", endOfText);
    json.put("pad_token_id", endOfText);
    return json;
  }

  /** A new empty JSON object. */
  public static ObjectNode object() {
    return new ObjectMapper().createObjectNode();
  }

  /** Reads a JSON file of the folder, for tests that alter one. */
  public static ObjectNode readJson(Path folder, String name) {
    try {
      return (ObjectNode) new ObjectMapper().readTree(folder.resolve(name).toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
