package dev.portcullis.domain.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Tests the checks on strings as Unicode text. */
class UnicodeTest {

  @Test
  void only_text_without_a_lone_surrogate_is_well_formed() {
    assertThat(Unicode.isWellFormed("a\ud83d\ude00b")).isTrue();
    assertThat(Unicode.isWellFormed("a\ud83d")).isFalse();
    assertThat(Unicode.isWellFormed("\ude00a")).isFalse();
    assertThat(Unicode.isWellFormed("\ud83d\ud83d\ude00")).isFalse();
  }

  @Test
  void the_utf8_length_of_well_formed_text_is_the_length_of_its_utf8_bytes() {
    String text = "a\u00e9\u07ff\u0800\u20ac\ud83d\ude00/";

    assertThat(Unicode.utf8Length(text))
        .isEqualTo(text.getBytes(StandardCharsets.UTF_8).length)
        .isEqualTo(1 + 2 + 2 + 3 + 3 + 4 + 1);
  }

  @Test
  void a_lone_surrogate_counts_as_the_three_bytes_it_would_take() {
    assertThat(Unicode.utf8Length("a\ud83d")).isEqualTo(4);
    assertThat(Unicode.utf8Length("\ude00\ud83d")).isEqualTo(6);
  }
}
