package dev.portcullis.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Instants stored as numbers of epoch seconds read back exactly. */
class EpochSecondsTest {

  private final EpochSeconds converter = new EpochSeconds("issuedAt");

  @Test
  void a_whole_second_is_stored_as_an_integer_number_as_ttl_expects() {
    AttributeValue value = converter.transformFrom(Instant.parse("2030-01-01T00:00:00Z"));

    assertThat(value).isEqualTo(AttributeValue.fromN("1893456000"));
  }

  @Test
  void a_fraction_of_a_second_is_kept_exactly() {
    assertThat(EpochSeconds.format(Instant.parse("2040-06-01T12:00:00.250Z")))
        .isEqualTo("2222164800.25");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2030-01-01T00:00:00Z",
        "2040-06-01T12:00:00.250Z",
        "2040-06-01T12:00:00.000000001Z",
        "2040-06-01T12:00:00.999999999Z",
        "1969-12-31T23:59:59.500Z",
        "1970-01-01T00:00:00Z"
      })
  void every_instant_reads_back_as_it_was_written(String iso) {
    Instant instant = Instant.parse(iso);

    Instant readBack = converter.transformTo(converter.transformFrom(instant));

    assertThat(readBack).isEqualTo(instant);
  }

  @Test
  void an_exponent_written_by_another_tool_is_read_too() {
    assertThat(EpochSeconds.parse("1.893456E+9")).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
  }

  @Test
  void a_value_that_is_not_a_number_is_refused_with_the_value_named() {
    assertThatThrownBy(() -> EpochSeconds.parse("tomorrow"))
        .isInstanceOf(MalformedItemException.class)
        .hasMessageContaining("'tomorrow'");
  }

  @Test
  void a_string_attribute_is_refused_with_the_attribute_named() {
    assertThatThrownBy(() -> converter.transformTo(AttributeValue.fromS("1")))
        .isInstanceOf(MalformedItemException.class)
        .hasMessage("attribute 'issuedAt' must be a number of epoch seconds, got type S");
  }
}
