package dev.portcullis.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Tests the writer against jackson-core's generator, which it replaced: the same calls give the
 * same bytes, and whatever it writes reads back to what was written.
 */
class JsonWriterTest {

  private static final JsonFactory JACKSON = new JsonFactory();

  private static String readBack(byte[] document) throws JsonException {
    JsonReader reader = JsonReader.of(document);
    assertThat(reader.nextToken()).isEqualTo(JsonToken.VALUE_STRING);
    String text = reader.getText();
    assertThat(reader.nextToken()).isNull();
    return text;
  }

  @Property(tries = 3000)
  void a_string_is_written_byte_for_byte_as_jackson_writes_it(@ForAll("validText") String text)
      throws IOException {
    // Arrange
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    try (JsonGenerator jackson = JACKSON.createGenerator(expected, JsonEncoding.UTF8)) {
      jackson.writeStartObject();
      jackson.writeStringField(text, text);
      jackson.writeEndObject();
    }
    JsonWriter writer = new JsonWriter(16);

    // Act
    writer.writeStartObject();
    writer.writeStringField(text, text);
    writer.writeEndObject();

    // Assert
    assertThat(writer.toByteArray()).isEqualTo(expected.toByteArray());
  }

  @Property(tries = 3000)
  void any_java_string_reads_back_as_written(@ForAll("anyText") String text) throws IOException {
    // Arrange
    JsonWriter writer = new JsonWriter(16);

    // Act
    writer.writeString(text);

    // Assert
    assertThat(readBack(writer.toByteArray())).isEqualTo(text);
  }

  @Test
  void a_lone_surrogate_is_written_as_its_escape() {
    // Arrange
    JsonWriter writer = new JsonWriter(16);

    // Act
    writer.writeString("a\uD800b\uDFFF");

    // Assert
    assertThat(writer.toString()).isEqualTo("\"a\\uD800b\\uDFFF\"");
  }

  @Test
  void a_document_of_every_kind_of_value_is_written_as_jackson_writes_it() throws IOException {
    // Arrange
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    try (JsonGenerator g = JACKSON.createGenerator(expected, JsonEncoding.UTF8)) {
      g.writeStartObject();
      g.writeNumberField("long", Long.MIN_VALUE);
      g.writeBooleanField("yes", true);
      g.writeNullField("nothing");
      g.writeArrayFieldStart("list");
      g.writeNumber(new BigDecimal("1.50E+3"));
      g.writeNumber(new BigInteger("123456789012345678901234567890"));
      g.writeBoolean(false);
      g.writeNull();
      g.writeStartArray();
      g.writeEndArray();
      g.writeStartObject();
      g.writeEndObject();
      g.writeEndArray();
      g.writeObjectFieldStart("inner");
      g.writeStringField("k", "v");
      g.writeEndObject();
      g.writeEndObject();
    }
    JsonWriter w = new JsonWriter(4);

    // Act
    w.writeStartObject();
    w.writeNumberField("long", Long.MIN_VALUE);
    w.writeBooleanField("yes", true);
    w.writeNullField("nothing");
    w.writeArrayFieldStart("list");
    w.writeNumber(new BigDecimal("1.50E+3"));
    w.writeNumber(new BigInteger("123456789012345678901234567890"));
    w.writeBoolean(false);
    w.writeNull();
    w.writeStartArray();
    w.writeEndArray();
    w.writeStartObject();
    w.writeEndObject();
    w.writeEndArray();
    w.writeObjectFieldStart("inner");
    w.writeStringField("k", "v");
    w.writeEndObject();
    w.writeEndObject();

    // Assert
    assertThat(w.toString()).isEqualTo(expected.toString(StandardCharsets.UTF_8));
    ByteArrayOutputStream copied = new ByteArrayOutputStream();
    w.writeTo(copied);
    assertThat(copied.toByteArray()).isEqualTo(w.toByteArray()).hasSize(w.size());
  }

  @Test
  void a_null_string_is_written_as_null() {
    // Arrange
    JsonWriter writer = new JsonWriter(16);

    // Act
    writer.writeStartArray();
    writer.writeString(null);
    writer.writeEndArray();

    // Assert
    assertThat(writer.toString()).isEqualTo("[null]");
  }

  @Test
  void calls_out_of_place_are_refused() {
    JsonWriter valueWithoutName = new JsonWriter(16);
    valueWithoutName.writeStartObject();
    assertThatThrownBy(() -> valueWithoutName.writeString("x"))
        .isInstanceOf(IllegalStateException.class);

    JsonWriter nameInArray = new JsonWriter(16);
    nameInArray.writeStartArray();
    assertThatThrownBy(() -> nameInArray.writeFieldName("x"))
        .isInstanceOf(IllegalStateException.class);

    JsonWriter wrongEnd = new JsonWriter(16);
    wrongEnd.writeStartArray();
    assertThatThrownBy(wrongEnd::writeEndObject).isInstanceOf(IllegalStateException.class);

    JsonWriter endAfterName = new JsonWriter(16);
    endAfterName.writeStartObject();
    endAfterName.writeFieldName("x");
    assertThatThrownBy(endAfterName::writeEndObject).isInstanceOf(IllegalStateException.class);

    JsonWriter twoValues = new JsonWriter(16);
    twoValues.writeNumber(1);
    assertThatThrownBy(() -> twoValues.writeNumber(2)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void the_buffer_grows_past_its_first_capacity() throws IOException {
    // Arrange
    String big = "x".repeat(100_000);
    JsonWriter writer = new JsonWriter(16);

    // Act
    writer.writeStartArray();
    for (int i = 0; i < 10; i++) {
      writer.writeString(big);
    }
    writer.writeEndArray();

    // Assert
    assertThat(writer.size()).isEqualTo(2 + 10 * (big.length() + 2) + 9);
    JsonReader reader = JsonReader.of(writer.toByteArray());
    reader.nextToken();
    reader.nextToken();
    assertThat(reader.getText()).isEqualTo(big);
  }

  @Provide
  Arbitrary<String> validText() {
    return Arbitraries.oneOf(
            Arbitraries.strings().all(),
            Arbitraries.strings().withCharRange('\u0000', '\u00ff'),
            Arbitraries.of("😀", "\uD83D\uDE00x", "\"\\/\b\f\n\r\t\u0000\u001f\u007f\u2028"))
        .filter(JsonWriterTest::wellFormed);
  }

  @Provide
  Arbitrary<String> anyText() {
    return Arbitraries.oneOf(
        Arbitraries.strings().all(),
        Arbitraries.strings().withChars("\uD800\uDBFF\uDC00\uDFFFa\"\\\n"));
  }

  /** Jackson refuses lone surrogates, so the byte-for-byte comparison leaves them out. */
  private static boolean wellFormed(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }
}
