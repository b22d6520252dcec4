package dev.portcullis.domain.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.domain.testing.JsonText;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Tests the upper bounds on the size of JSON strings, against an independent writer. */
class JsonSizeTest {

  @Property(tries = 2000)
  void no_string_takes_more_bytes_than_its_bound(@ForAll("hostileText") String text) {
    assertThat(JsonText.encodedBytes(text)).isLessThanOrEqualTo(JsonSize.ofString(text));
  }

  @Property(tries = 1000)
  void the_bound_is_exact_for_text_that_needs_no_escape_sequence(@ForAll("plainText") String text) {
    assertThat(JsonSize.ofString(text)).isEqualTo(JsonText.encodedBytes(text));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      ignoreLeadingAndTrailingWhitespace = false,
      value = {"abc|5", "\"|4", "\\|4", "\u0001|8", "\u00e9|4", "\u20ac|5", "\ud83d\ude00|14"})
  void each_kind_of_character_takes_its_worst_encoding(String text, int bytes) {
    assertThat(JsonSize.ofString(text)).isEqualTo(bytes);
  }

  @Test
  void numbers_take_their_digits_and_sign() {
    assertThat(JsonSize.ofNumber(0)).isEqualTo(1);
    assertThat(JsonSize.ofNumber(Long.MIN_VALUE)).isEqualTo(20);
  }

  @Provide
  Arbitrary<String> hostileText() {
    return Arbitraries.oneOf(
        Arbitraries.strings()
            .withChars("\"\\\u0000\u0001\u001f\n\t\u007f\u00e9\u07ff\u0800\u20ac\ud83d\ude00a/")
            .ofMaxLength(40),
        Arbitraries.strings().all().ofMaxLength(40));
  }

  @Provide
  Arbitrary<String> plainText() {
    return Arbitraries.strings()
        .withCharRange(' ', '~')
        .withChars("\u00e9\u20ac")
        .excludeChars('"', '\\')
        .ofMaxLength(40);
  }
}
