package io.streamsight.processors.inference.generate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a small byte-level BPE {@code tokenizer.json} in Hugging Face's format: the 256 byte
 * symbols (ids 0..255, in byte order, so the space byte is id 32), one merge chain per word (each
 * word becomes one token), then added tokens. Ids are known to the test that builds it.
 */
public final class TinyTokenizer {

  private final Map<String, Integer> vocab = new LinkedHashMap<>();
  private final Set<String> merges = new LinkedHashSet<>();
  private final Map<String, Integer> words = new LinkedHashMap<>();
  private final List<Object[]> added = new ArrayList<>();
  private int next;

  public TinyTokenizer() {
    for (int b = 0; b < 256; b++) {
      vocab.put(String.valueOf(ByteLevel.charOf(b)), b);
    }
    next = 256;
  }

  /** Adds a word (text such as {@code " cat"}) as one token, with the merges that build it. */
  public int word(String text) {
    String symbols = ByteLevel.encode(text.getBytes(StandardCharsets.UTF_8));
    String current = symbols.substring(0, 1);
    for (int i = 1; i < symbols.length(); i++) {
      String right = symbols.substring(i, i + 1);
      merges.add(current + " " + right);
      current = current + right;
      if (!vocab.containsKey(current)) {
        vocab.put(current, next++);
      }
    }
    int id = vocab.get(current);
    words.put(text, id);
    return id;
  }

  /** Adds an added token. */
  public int added(String content, boolean special) {
    int id = next++;
    added.add(new Object[] {id, content, special});
    return id;
  }

  /** The id of a word added with {@link #word}. */
  public int id(String word) {
    return words.get(word);
  }

  /** One more than the largest id. */
  public int size() {
    return next;
  }

  /** The {@code tokenizer.json} tree. */
  public ObjectNode json() {
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = json.createObjectNode();
    root.put("version", "1.0");
    ArrayNode addedTokens = root.putArray("added_tokens");
    for (Object[] token : added) {
      ObjectNode t = addedTokens.addObject();
      t.put("id", (Integer) token[0]);
      t.put("content", (String) token[1]);
      t.put("single_word", false);
      t.put("lstrip", false);
      t.put("rstrip", false);
      t.put("normalized", false);
      t.put("special", (Boolean) token[2]);
    }
    root.putNull("normalizer");
    ObjectNode pre = root.putObject("pre_tokenizer");
    pre.put("type", "ByteLevel");
    pre.put("add_prefix_space", false);
    pre.put("trim_offsets", true);
    pre.put("use_regex", true);
    root.putNull("post_processor");
    ObjectNode decoder = root.putObject("decoder");
    decoder.put("type", "ByteLevel");
    decoder.put("add_prefix_space", true);
    decoder.put("trim_offsets", true);
    decoder.put("use_regex", true);
    ObjectNode model = root.putObject("model");
    model.put("type", "BPE");
    model.putNull("dropout");
    model.putNull("unk_token");
    model.put("continuing_subword_prefix", "");
    model.put("end_of_word_suffix", "");
    model.put("fuse_unk", false);
    model.put("byte_fallback", false);
    ObjectNode v = model.putObject("vocab");
    vocab.forEach(v::put);
    ArrayNode m = model.putArray("merges");
    merges.forEach(m::add);
    return root;
  }

  /** Writes {@code tokenizer.json} into a folder. */
  public void writeTo(Path folder) {
    try {
      new ObjectMapper().writeValue(folder.resolve("tokenizer.json").toFile(), json());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
