package io.streamsight.processors.inference.generate;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamsight.processors.inference.ModelLoadException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Hugging Face {@code tokenizer.json} with a byte-level BPE model (GPT-2, RoBERTa, BART,
 * Whisper), in plain Java: no native tokenizers library.
 *
 * <p>Decoding maps ids to tokens, tokens to bytes through the byte-level alphabet, and bytes to
 * UTF-8 text (malformed sequences, as a cut multi-byte character, become U+FFFD, as the Python
 * library does); added tokens are emitted as their text, or skipped when special and asked to.
 * Encoding (for prompts) splits out added tokens, pre-tokenizes with GPT-2's pattern, and applies
 * the merges by rank. Normalizers and post-processors (templates that add special tokens) are not
 * applied: callers build prompts with {@link #requireId} themselves.
 *
 * <p>Immutable and thread-safe.
 */
public final class HfTokenizer {

  /** GPT-2's pre-tokenization pattern, as the ByteLevel pre-tokenizer uses it. */
  private static final Pattern GPT2_SPLIT =
      Pattern.compile(
          "'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+");

  private static final int WORD_CACHE_LIMIT = 10_000;

  private final Map<String, Long> vocab;
  private final String[] tokens;
  private final boolean[] special;
  private final boolean[] added;
  private final Map<String, Integer> mergeRanks;
  private final List<String> addedByLength;
  private final boolean addPrefixSpace;
  private final Map<String, long[]> wordCache = new ConcurrentHashMap<>();

  private HfTokenizer(
      Map<String, Long> vocab,
      Map<Long, AddedToken> addedTokens,
      Map<String, Integer> mergeRanks,
      boolean addPrefixSpace) {
    long max = -1;
    for (long id : vocab.values()) {
      max = Math.max(max, id);
    }
    for (long id : addedTokens.keySet()) {
      max = Math.max(max, id);
    }
    int size = Math.toIntExact(max + 1);
    this.tokens = new String[size];
    this.special = new boolean[size];
    this.added = new boolean[size];
    Map<String, Long> all = new HashMap<>(vocab);
    vocab.forEach((token, id) -> tokens[id.intValue()] = token);
    for (AddedToken token : addedTokens.values()) {
      int id = Math.toIntExact(token.id());
      tokens[id] = token.content();
      special[id] = token.special();
      added[id] = true;
      all.put(token.content(), token.id());
    }
    this.vocab = Map.copyOf(all);
    this.mergeRanks = Map.copyOf(mergeRanks);
    this.addedByLength =
        addedTokens.values().stream()
            .map(AddedToken::content)
            .filter(s -> !s.isEmpty())
            .sorted(Comparator.comparingInt(String::length).reversed())
            .toList();
    this.addPrefixSpace = addPrefixSpace;
  }

  private record AddedToken(long id, String content, boolean special) {}

  /**
   * Reads a {@code tokenizer.json}.
   *
   * @throws ModelLoadException naming the file when it is missing, not JSON, or not a byte-level
   *     BPE tokenizer
   */
  public static HfTokenizer load(Path file) {
    requireNonNull(file, "file");
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      throw new ModelLoadException("tokenizer " + file + " does not exist", e);
    } catch (IOException e) {
      throw new ModelLoadException("tokenizer " + file + " is not readable JSON", e);
    }
    try {
      return parse(root);
    } catch (IllegalArgumentException e) {
      throw new ModelLoadException("tokenizer " + file + ": " + e.getMessage(), e);
    }
  }

  /** Parses the JSON tree of a {@code tokenizer.json}. */
  static HfTokenizer parse(JsonNode root) {
    JsonNode model = root.path("model");
    String type = model.path("type").asText("");
    if (!type.equals("BPE")) {
      throw new IllegalArgumentException(
          "model type is '" + type + "'; only byte-level BPE tokenizers are supported");
    }
    if (model.path("byte_fallback").asBoolean(false)) {
      throw new IllegalArgumentException("BPE with byte_fallback is not supported");
    }
    String decoder = root.path("decoder").path("type").asText("");
    if (!decoder.equals("ByteLevel")) {
      throw new IllegalArgumentException(
          "decoder type is '" + decoder + "'; only the ByteLevel decoder is supported");
    }
    Map<String, Long> vocab = new HashMap<>();
    model.path("vocab").properties().forEach(e -> vocab.put(e.getKey(), e.getValue().asLong()));
    if (vocab.isEmpty()) {
      throw new IllegalArgumentException("empty vocabulary");
    }
    Map<String, Integer> ranks = new HashMap<>();
    int rank = 0;
    for (JsonNode merge : model.path("merges")) {
      String left;
      String right;
      if (merge.isArray()) {
        left = merge.path(0).asText();
        right = merge.path(1).asText();
      } else {
        String text = merge.asText();
        int space = text.indexOf(' ', 1);
        if (space < 0) {
          throw new IllegalArgumentException("merge '" + text + "' is not two symbols");
        }
        left = text.substring(0, space);
        right = text.substring(space + 1);
      }
      ranks.putIfAbsent(pairKey(left, right), rank++);
    }
    Map<Long, AddedToken> addedTokens = new HashMap<>();
    for (JsonNode token : root.path("added_tokens")) {
      long id = token.path("id").asLong(-1);
      if (id < 0) {
        throw new IllegalArgumentException("added token without an id: " + token);
      }
      addedTokens.put(
          id,
          new AddedToken(id, token.path("content").asText(), token.path("special").asBoolean()));
    }
    boolean prefixSpace = findByteLevelPrefixSpace(root.path("pre_tokenizer"));
    return new HfTokenizer(vocab, addedTokens, ranks, prefixSpace);
  }

  private static boolean findByteLevelPrefixSpace(JsonNode pre) {
    if (pre.path("type").asText("").equals("ByteLevel")) {
      return pre.path("add_prefix_space").asBoolean(false);
    }
    for (JsonNode child : pre.path("pretokenizers")) {
      if (findByteLevelPrefixSpace(child)) {
        return true;
      }
    }
    return false;
  }

  /** One more than the largest id, vocabulary and added tokens together. */
  public int size() {
    return tokens.length;
  }

  /** The id of a token (added or from the vocabulary), by its text, e.g. {@code <|en|>}. */
  public OptionalLong id(String token) {
    Long id = vocab.get(token);
    return id == null ? OptionalLong.empty() : OptionalLong.of(id);
  }

  /**
   * The id of a token that must exist.
   *
   * @throws ModelLoadException naming the token
   */
  public long requireId(String token) {
    return id(token)
        .orElseThrow(() -> new ModelLoadException("the tokenizer has no token " + token));
  }

  /** The token text of an id (byte-level form for vocabulary tokens), or null if unknown. */
  public String token(long id) {
    return id >= 0 && id < tokens.length ? tokens[(int) id] : null;
  }

  /** Whether the id is an added token marked special. */
  public boolean isSpecial(long id) {
    return id >= 0 && id < special.length && special[(int) id];
  }

  /**
   * Text of a token sequence.
   *
   * @param skipSpecial leave out added tokens marked special (end of text, task tokens)
   */
  public String decode(long[] ids, boolean skipSpecial) {
    StringBuilder text = new StringBuilder();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (long id : ids) {
      String token = token(id);
      if (token == null) {
        continue;
      }
      int index = (int) id;
      if (added[index]) {
        if (skipSpecial && special[index]) {
          continue;
        }
        flush(bytes, text);
        text.append(token);
        continue;
      }
      for (int i = 0; i < token.length(); i++) {
        char c = token.charAt(i);
        int b = ByteLevel.byteOf(c);
        if (b >= 0) {
          bytes.write(b);
        } else {
          bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
        }
      }
    }
    flush(bytes, text);
    return text.toString();
  }

  private static void flush(ByteArrayOutputStream bytes, StringBuilder text) {
    if (bytes.size() == 0) {
      return;
    }
    CharsetDecoder utf8 =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    try {
      CharBuffer chars = utf8.decode(ByteBuffer.wrap(bytes.toByteArray()));
      text.append(chars);
    } catch (CharacterCodingException e) {
      throw new IllegalStateException("a replacing decoder does not throw", e);
    }
    bytes.reset();
  }

  /**
   * Ids of a text: added tokens written in the text (such as {@code <|endoftext|>}) become their
   * ids; the rest is pre-tokenized and merged. No special tokens are added around it.
   *
   * @throws IllegalArgumentException if a byte-level symbol is missing from the vocabulary
   */
  public long[] encode(String text) {
    requireNonNull(text, "text");
    List<Long> ids = new ArrayList<>();
    int start = 0;
    int pos = 0;
    boolean first = true;
    while (pos < text.length()) {
      String match = addedAt(text, pos);
      if (match == null) {
        pos++;
        continue;
      }
      if (pos > start) {
        encodePlain(text.substring(start, pos), first, ids);
      }
      ids.add(vocab.get(match));
      first = false;
      pos += match.length();
      start = pos;
    }
    if (start < text.length()) {
      encodePlain(text.substring(start), first, ids);
    }
    return ids.stream().mapToLong(Long::longValue).toArray();
  }

  private String addedAt(String text, int pos) {
    for (String token : addedByLength) {
      if (text.startsWith(token, pos)) {
        return token;
      }
    }
    return null;
  }

  private void encodePlain(String text, boolean first, List<Long> ids) {
    String input = addPrefixSpace && first && !text.startsWith(" ") ? " " + text : text;
    Matcher words = GPT2_SPLIT.matcher(input);
    while (words.find()) {
      String word = ByteLevel.encode(words.group().getBytes(StandardCharsets.UTF_8));
      long[] wordIds = wordCache.get(word);
      if (wordIds == null) {
        wordIds = bpe(word);
        if (wordCache.size() < WORD_CACHE_LIMIT) {
          wordCache.put(word, wordIds);
        }
      }
      for (long id : wordIds) {
        ids.add(id);
      }
    }
  }

  /** Merges the symbols of one byte-level word, lowest rank first, and maps them to ids. */
  private long[] bpe(String word) {
    List<String> symbols = new ArrayList<>();
    word.codePoints().forEach(cp -> symbols.add(new String(Character.toChars(cp))));
    while (symbols.size() > 1) {
      int best = Integer.MAX_VALUE;
      int at = -1;
      for (int i = 0; i + 1 < symbols.size(); i++) {
        Integer rank = mergeRanks.get(pairKey(symbols.get(i), symbols.get(i + 1)));
        if (rank != null && rank < best) {
          best = rank;
          at = i;
        }
      }
      if (at < 0) {
        break;
      }
      String left = symbols.get(at);
      String right = symbols.get(at + 1);
      List<String> merged = new ArrayList<>(symbols.size());
      for (int i = 0; i < symbols.size(); i++) {
        if (i + 1 < symbols.size()
            && symbols.get(i).equals(left)
            && symbols.get(i + 1).equals(right)) {
          merged.add(left + right);
          i++;
        } else {
          merged.add(symbols.get(i));
        }
      }
      symbols.clear();
      symbols.addAll(merged);
    }
    long[] ids = new long[symbols.size()];
    for (int i = 0; i < ids.length; i++) {
      Long id = vocab.get(symbols.get(i));
      if (id == null) {
        throw new IllegalArgumentException(
            "symbol '" + symbols.get(i) + "' is not in the tokenizer's vocabulary");
      }
      ids[i] = id;
    }
    return ids;
  }

  private static String pairKey(String left, String right) {
    return left + '\u0000' + right;
  }
}
