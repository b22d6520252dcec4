package dev.portcullis.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Tests the reader's limits, positions, names and skipping, which the oracle test leaves out. */
class JsonReaderTest {

  private static List<String> tokens(JsonReader reader) throws JsonException {
    List<String> tokens = new ArrayList<>();
    JsonToken token;
    while ((token = reader.nextToken()) != null) {
      tokens.add(token + " " + reader.getText());
    }
    return tokens;
  }

  private static String nested(int depth) {
    return "[".repeat(depth) + "]".repeat(depth);
  }

  @Test
  void values_nest_as_deep_as_the_limit_and_no_deeper() throws JsonException {
    // Act
    List<String> deepest = tokens(JsonReader.of(nested(32), 32));

    // Assert
    assertThat(deepest).hasSize(64);
    assertThatThrownBy(() -> tokens(JsonReader.of(nested(33), 32)))
        .isInstanceOfSatisfying(JsonException.class, e -> assertThat(e.limitExceeded()).isTrue())
        .hasMessage("values nest deeper than 32 levels at line 1, column 33");
  }

  @Test
  void a_number_may_have_a_thousand_characters_and_no_more() throws JsonException {
    // Arrange
    String longest = "1".repeat(JsonReader.MAX_NUMBER_LENGTH);

    // Act
    JsonReader reader = JsonReader.of("[" + longest + "]", 4);
    reader.nextToken();

    // Assert
    assertThat(reader.nextToken()).isEqualTo(JsonToken.VALUE_NUMBER_INT);
    assertThat(reader.getText()).isEqualTo(longest);
    assertThatThrownBy(() -> tokens(JsonReader.of("[" + longest + "0]", 4)))
        .isInstanceOfSatisfying(JsonException.class, e -> assertThat(e.limitExceeded()).isTrue());
  }

  @Test
  void an_error_names_its_line_and_column_and_never_quotes_the_text() {
    // Arrange
    String document = "{\n  \"token\": \"Bearer s3cr3t\",\n  \"next\": s3cr3t\n}";

    // Act and assert
    assertThatThrownBy(() -> tokens(JsonReader.of(document, 8)))
        .isInstanceOfSatisfying(
            JsonException.class,
            e -> {
              assertThat(e.line()).isEqualTo(3);
              assertThat(e.column()).isEqualTo(11);
              assertThat(e.limitExceeded()).isFalse();
            })
        .hasMessage("expected a value at line 3, column 11")
        .hasMessageNotContaining("s3cr3t");
  }

  @Test
  void empty_and_blank_inputs_hold_no_token() throws JsonException {
    assertThat(JsonReader.of(new byte[0]).nextToken()).isNull();
    assertThat(JsonReader.of(" \n\t\r ", 4).nextToken()).isNull();
  }

  @Test
  void a_byte_order_mark_at_the_start_is_skipped() throws JsonException {
    // Arrange
    byte[] document = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '[', ']'};

    // Act and assert
    assertThat(tokens(JsonReader.of(document))).containsExactly("START_ARRAY [", "END_ARRAY ]");
  }

  @Test
  void values_after_the_first_are_read_one_after_the_other() throws JsonException {
    assertThat(tokens(JsonReader.of("{} [1] \"x\" 2", 4)))
        .containsExactly(
            "START_OBJECT {",
            "END_OBJECT }",
            "START_ARRAY [",
            "VALUE_NUMBER_INT 1",
            "END_ARRAY ]",
            "VALUE_STRING x",
            "VALUE_NUMBER_INT 2");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1x", "1{}", "true[]", "null,", "01", "-", "1.", "1e", "tru", "nulll"})
  void a_top_level_number_or_literal_must_end_at_whitespace_or_the_end(String document) {
    assertThatThrownBy(() -> tokens(JsonReader.of(document, 4))).isInstanceOf(JsonException.class);
  }

  @Test
  void the_current_name_belongs_to_the_name_its_value_and_the_end_of_that_value()
      throws JsonException {
    // Arrange
    JsonReader reader = JsonReader.of("{\"a\":{\"b\":[1]},\"c\":2}", 8);
    List<String> names = new ArrayList<>();

    // Act
    while (reader.nextToken() != null) {
      names.add(reader.currentToken() + "=" + reader.currentName());
    }

    // Assert
    assertThat(names)
        .containsExactly(
            "START_OBJECT=null",
            "FIELD_NAME=a",
            "START_OBJECT=a",
            "FIELD_NAME=b",
            "START_ARRAY=b",
            "VALUE_NUMBER_INT=null",
            "END_ARRAY=b",
            "END_OBJECT=a",
            "FIELD_NAME=c",
            "VALUE_NUMBER_INT=c",
            "END_OBJECT=null");
  }

  @Test
  void names_are_compared_in_place_exactly_or_ignoring_ascii_case() throws JsonException {
    // Arrange: a plain name, an escaped one, and a non-ASCII one.
    JsonReader reader =
        JsonReader.of("{\"Authorization\":1,\"Cook\\u0069e\":[2],\"K\u00e9y\":3}", 8);
    reader.nextToken();

    // Act and assert
    assertThat(reader.nextToken()).isEqualTo(JsonToken.FIELD_NAME);
    assertThat(reader.currentNameEquals("Authorization")).isTrue();
    assertThat(reader.currentNameEquals("authorization")).isFalse();
    assertThat(reader.currentNameEqualsIgnoreAsciiCase("AUTHORIZATION")).isTrue();
    assertThat(reader.currentNameEqualsIgnoreAsciiCase("Authorizatio")).isFalse();
    reader.nextToken();
    assertThat(reader.currentNameEquals("Authorization")).isTrue();

    assertThat(reader.nextToken()).isEqualTo(JsonToken.FIELD_NAME);
    assertThat(reader.currentNameEquals("Cookie")).isTrue();
    assertThat(reader.currentNameEqualsIgnoreAsciiCase("cookie")).isTrue();
    assertThat(reader.nextToken()).isEqualTo(JsonToken.START_ARRAY);
    assertThat(reader.currentNameEqualsIgnoreAsciiCase("COOKIE")).isTrue();
    reader.nextToken();
    assertThat(reader.currentNameEquals("Cookie")).as("inside the array").isFalse();
    reader.nextToken();

    assertThat(reader.nextToken()).isEqualTo(JsonToken.FIELD_NAME);
    assertThat(reader.currentNameEquals("K\u00e9y")).isTrue();
    // Only ASCII letters fold: the Kelvin sign is not a K.
    assertThat(reader.currentNameEqualsIgnoreAsciiCase("k\u00e9Y")).isTrue();
    assertThat(reader.currentNameEqualsIgnoreAsciiCase("\u212a\u00e9y")).isFalse();
  }

  @Test
  void skipping_children_lands_on_the_end_of_the_skipped_value() throws JsonException {
    // Arrange
    JsonReader reader = JsonReader.of("{\"skip\":{\"x\":[1,{\"y\":2}]},\"keep\":\"k\"}", 8);
    reader.nextToken();
    reader.nextToken();
    reader.nextToken();

    // Act
    reader.skipChildren();

    // Assert
    assertThat(reader.currentToken()).isEqualTo(JsonToken.END_OBJECT);
    assertThat(reader.currentName()).isEqualTo("skip");
    assertThat(reader.nextToken()).isEqualTo(JsonToken.FIELD_NAME);
    assertThat(reader.getText()).isEqualTo("keep");
  }

  @Test
  void skipped_values_are_still_checked() throws JsonException {
    // Arrange
    JsonReader reader = JsonReader.of("{\"skip\":[1,\"\\x\"]}", 8);
    reader.nextToken();
    reader.nextToken();
    reader.nextToken();

    // Act and assert
    assertThatThrownBy(reader::skipChildren)
        .isInstanceOf(JsonException.class)
        .hasMessageStartingWith("a string holds an escape RFC 8259 does not name");
  }

  @Test
  void skipping_a_scalar_does_nothing() throws JsonException {
    // Arrange
    JsonReader reader = JsonReader.of("[1,2]", 4);
    reader.nextToken();
    reader.nextToken();

    // Act
    reader.skipChildren();

    // Assert
    assertThat(reader.currentToken()).isEqualTo(JsonToken.VALUE_NUMBER_INT);
    assertThat(reader.nextToken()).isEqualTo(JsonToken.VALUE_NUMBER_INT);
  }

  @Test
  void a_stream_is_read_to_its_end() throws Exception {
    // Arrange
    byte[] document = "{\"é\":\"😀\"}".getBytes(StandardCharsets.UTF_8);

    // Act
    List<String> tokens = tokens(JsonReader.of(new ByteArrayInputStream(document), 4));

    // Assert
    assertThat(tokens)
        .containsExactly("START_OBJECT {", "FIELD_NAME é", "VALUE_STRING 😀", "END_OBJECT }");
  }

  @Test
  void only_the_given_length_of_a_buffer_is_read() throws JsonException {
    // Arrange
    byte[] buffer = "[1]garbage".getBytes(StandardCharsets.US_ASCII);

    // Act and assert
    assertThat(tokens(JsonReader.of(buffer, 3, 4)))
        .containsExactly("START_ARRAY [", "VALUE_NUMBER_INT 1", "END_ARRAY ]");
  }

  @Test
  void a_field_name_may_not_hold_half_a_surrogate_pair_but_a_value_may() throws JsonException {
    assertThat(tokens(JsonReader.of("{\"\\uD83D\\uDE00\":\"\\uDBFF\"}", 4)))
        .containsExactly("START_OBJECT {", "FIELD_NAME 😀", "VALUE_STRING \uDBFF", "END_OBJECT }");
    assertThatThrownBy(() -> tokens(JsonReader.of("{\"\\uDC00\":1}", 4)))
        .hasMessageStartingWith("a field name holds half of a surrogate pair");
  }
}
