package dev.portcullis.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Reads generated and mutated documents with {@link JsonReader} and with jackson-core, the parser
 * it replaced on the cold path, and checks that both accept the same documents with the same
 * tokens, texts and names, and refuse the same ones. A document counts as accepted when it holds
 * exactly one value, which is what every caller asks for.
 */
class JsonReaderOracleTest {

  static final int DEPTH = 12;

  private static final JsonFactory JACKSON =
      JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(DEPTH).build())
          .build();

  /** Characters that matter to JSON's grammar, and some that never belong outside strings. */
  private static final String MUTATIONS = "{}[]:,\"\\/ \t\n\r0123456789-+.eEtrufalsn\u0001\u007fxu";

  /** One reader's view of a document: every token with its text and name, or "refused". */
  static String outcomeOfPortcullis(byte[] document) {
    Tokens tokens = new Tokens();
    try {
      JsonReader reader = JsonReader.of(document, document.length, DEPTH);
      JsonToken token;
      while ((token = reader.nextToken()) != null) {
        if (!tokens.add(token.name(), reader.getText(), reader.currentName())) {
          break;
        }
      }
    } catch (JsonException e) {
      return "refused";
    }
    return tokens.outcome();
  }

  static String outcomeOfJackson(byte[] document) {
    Tokens tokens = new Tokens();
    try (JsonParser parser = JACKSON.createParser(document)) {
      com.fasterxml.jackson.core.JsonToken token;
      while ((token = parser.nextToken()) != null) {
        if (!tokens.add(token.name(), parser.getText(), parser.currentName())) {
          break;
        }
      }
    } catch (IOException e) {
      return "refused";
    }
    return tokens.outcome();
  }

  /** The tokens of one value; a second value makes the document refused, as callers refuse it. */
  private static final class Tokens {
    private final StringBuilder text = new StringBuilder();
    private int depth;
    private int roots;

    boolean add(String token, String tokenText, String name) {
      if (depth == 0 && ++roots > 1) {
        return false;
      }
      if (token.startsWith("START_")) {
        depth++;
      } else if (token.startsWith("END_")) {
        depth--;
      }
      text.append(token).append(' ').append(tokenText).append(" @").append(name).append('\n');
      return true;
    }

    String outcome() {
      return roots == 0
          ? "refused: empty"
          : roots > 1 ? "refused: more than one value" : text.toString();
    }
  }

  private static String assertSameOutcome(byte[] document) {
    // Every refusal is the same to a caller, whichever token a reader stopped at.
    String expected = normalised(outcomeOfJackson(document));
    String actual = normalised(outcomeOfPortcullis(document));
    assertThat(actual)
        .as("document %s", new String(document, StandardCharsets.UTF_8))
        .isEqualTo(expected);
    Statistics.label("outcome").collect(expected.startsWith("refused") ? expected : "accepted");
    return expected;
  }

  private static String normalised(String outcome) {
    return outcome.startsWith("refused") ? "refused" : outcome;
  }

  @Property(tries = 3000)
  void both_readers_read_generated_documents_alike(@ForAll("documents") String document) {
    String outcome = assertSameOutcome(document.getBytes(StandardCharsets.UTF_8));
    assertThat(outcome).as("document %s", document).doesNotStartWith("refused");
  }

  @Property(tries = 1000)
  void every_name_equals_itself_in_place_and_in_another_ascii_case(
      @ForAll("documents") String document) throws JsonException {
    JsonReader reader = JsonReader.of(document, DEPTH);
    JsonToken token;
    while ((token = reader.nextToken()) != null) {
      if (token == JsonToken.FIELD_NAME) {
        String name = reader.getText();
        assertThat(reader.currentNameEquals(name)).as(name).isTrue();
        assertThat(reader.currentNameEquals(name + "x")).as(name).isFalse();
        assertThat(reader.currentNameEqualsIgnoreAsciiCase(swapAsciiCase(name))).as(name).isTrue();
      }
    }
  }

  private static String swapAsciiCase(String text) {
    StringBuilder swapped = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      swapped.append(
          c >= 'a' && c <= 'z' ? (char) (c - 32) : c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
    }
    return swapped.toString();
  }

  @Property(tries = 20000)
  void both_readers_refuse_and_accept_mutated_documents_alike(
      @ForAll("mutatedDocuments") String document) {
    assertSameOutcome(document.getBytes(StandardCharsets.UTF_8));
    Statistics.label("outcome")
        .coverage(
            coverage -> {
              coverage.check("accepted").percentage(p -> p > 5);
              coverage.check("refused").percentage(p -> p > 30);
            });
  }

  @Property(tries = 5000)
  void strings_are_accepted_exactly_when_their_bytes_are_well_formed_utf8(
      @ForAll("stringBytes") byte[] content) {
    byte[] document = new byte[content.length + 2];
    document[0] = '"';
    System.arraycopy(content, 0, document, 1, content.length);
    document[content.length + 1] = '"';

    String expected;
    try {
      expected =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(content))
              .toString();
    } catch (CharacterCodingException e) {
      expected = null;
    }

    String actual;
    try {
      JsonReader reader = JsonReader.of(document);
      assertThat(reader.nextToken()).isEqualTo(JsonToken.VALUE_STRING);
      actual = reader.getText();
    } catch (JsonException e) {
      actual = null;
    }
    Statistics.label("utf-8").collect(expected == null ? "malformed" : "well-formed");
    assertThat(actual).isEqualTo(expected);
  }

  @Provide
  Arbitrary<String> documents() {
    return value(4).flatMap(this::withWhitespace);
  }

  @Provide
  Arbitrary<String> mutatedDocuments() {
    return Combinators.combine(
            documents(),
            Arbitraries.integers().between(1, 3),
            Arbitraries.longs().between(0, Long.MAX_VALUE))
        .as(JsonReaderOracleTest::mutate);
  }

  @Provide
  Arbitrary<byte[]> stringBytes() {
    // Bytes near the edges of UTF-8's ranges, mixed with plain ASCII.
    Arbitrary<Byte> edges =
        Arbitraries.of(
                0x41, 0x7F, 0x80, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xA0, 0x9F, 0xED, 0xEE, 0xEF,
                0xF0, 0x90, 0x8F, 0xF4, 0xF5, 0xFF)
            .map(Integer::byteValue);
    return Arbitraries.oneOf(edges, Arbitraries.bytes().between((byte) 0x20, (byte) 0x7E))
        .filter(b -> b != '"' && b != '\\')
        .array(byte[].class)
        .ofMaxSize(12);
  }

  private static String mutate(String document, int edits, long seed) {
    StringBuilder text = new StringBuilder(document);
    java.util.Random random = new java.util.Random(seed);
    for (int i = 0; i < edits; i++) {
      int at = text.length() == 0 ? 0 : random.nextInt(text.length() + 1);
      char c = MUTATIONS.charAt(random.nextInt(MUTATIONS.length()));
      switch (random.nextInt(3)) {
        case 0 -> text.insert(at, c);
        case 1 -> {
          if (at < text.length()) {
            text.deleteCharAt(at);
          }
        }
        default -> {
          if (at < text.length()) {
            text.setCharAt(at, c);
          }
        }
      }
    }
    return text.toString();
  }

  private Arbitrary<String> withWhitespace(List<String> parts) {
    return Arbitraries.of("", "", "", " ", "\n", "\t", "\r\n  ")
        .list()
        .ofSize(parts.size() + 1)
        .map(
            blanks -> {
              StringBuilder text = new StringBuilder(blanks.get(0));
              for (int i = 0; i < parts.size(); i++) {
                text.append(parts.get(i)).append(blanks.get(i + 1));
              }
              return text.toString();
            });
  }

  /** A value as its lexical parts, so that whitespace can go between any two of them. */
  private Arbitrary<List<String>> value(int depth) {
    Arbitrary<List<String>> scalar =
        Arbitraries.oneOf(
            string().map(List::of),
            number().map(List::of),
            Arbitraries.of("true", "false", "null").map(List::of));
    if (depth == 0) {
      return scalar;
    }
    Arbitrary<List<String>> array =
        value(depth - 1).list().ofMaxSize(4).map(items -> container("[", "]", items, null));
    Arbitrary<List<String>> object =
        Combinators.combine(name().list().ofMaxSize(4), value(depth - 1).list().ofSize(4))
            .as((names, values) -> container("{", "}", values.subList(0, names.size()), names));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, scalar),
        net.jqwik.api.Tuple.of(2, array),
        net.jqwik.api.Tuple.of(2, object));
  }

  private static List<String> container(
      String open, String close, List<List<String>> items, List<String> names) {
    List<String> parts = new ArrayList<>();
    parts.add(open);
    for (int i = 0; i < items.size(); i++) {
      if (i > 0) {
        parts.add(",");
      }
      if (names != null) {
        parts.add(names.get(i));
        parts.add(":");
      }
      parts.addAll(items.get(i));
    }
    parts.add(close);
    return parts;
  }

  /** A field name: as a string, but never with half a surrogate pair, which names may not hold. */
  private static Arbitrary<String> name() {
    return string().filter(name -> !name.contains("\\uDBFF"));
  }

  private static Arbitrary<String> string() {
    Arbitrary<String> piece =
        Arbitraries.oneOf(
            Arbitraries.strings().withCharRange(' ', '~').excludeChars('"', '\\').ofMaxLength(6),
            Arbitraries.of(
                "\\\"",
                "\\\\",
                "\\/",
                "\\b",
                "\\f",
                "\\n",
                "\\r",
                "\\t",
                "\\u0041",
                "\\u00e9",
                "\\uD83D\\uDE00",
                "\\uDBFF",
                "\\u0000",
                "é",
                "€",
                "😀",
                "\u007f"));
    return piece.list().ofMaxSize(4).map(pieces -> "\"" + String.join("", pieces) + "\"");
  }

  private static Arbitrary<String> number() {
    Arbitrary<String> integer =
        Arbitraries.oneOf(
            Arbitraries.just("0"),
            Arbitraries.longs().between(1, Long.MAX_VALUE).map(String::valueOf));
    Arbitrary<String> fraction =
        Arbitraries.oneOf(
            Arbitraries.just(""),
            Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(5).map(d -> "." + d));
    Arbitrary<String> exponent =
        Arbitraries.oneOf(
            Arbitraries.just(""),
            Combinators.combine(
                    Arbitraries.of("e", "E"),
                    Arbitraries.of("", "+", "-"),
                    Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(3))
                .as((e, sign, digits) -> e + sign + digits));
    return Combinators.combine(Arbitraries.of("", "-"), integer, fraction, exponent)
        .as((sign, whole, part, power) -> sign + whole + part + power);
  }
}
