package dev.portcullis.domain.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.domain.text.Unicode;
import org.junit.jupiter.api.Test;

/** Encoded lengths at the code points where they change. */
class EncodedLengthBoundaryTest {

  @Test
  void a_space_is_the_first_character_json_carries_unescaped() {
    assertThat(JsonSize.ofString("\u001F")).isEqualTo(2 + 6);
    assertThat(JsonSize.ofString(" ")).isEqualTo(2 + 1);
  }

  @Test
  void json_lengths_change_at_u0080_and_u0800() {
    assertThat(JsonSize.ofString("\u007F")).isEqualTo(2 + 1);
    assertThat(JsonSize.ofString("\u0080")).isEqualTo(2 + 2);
    assertThat(JsonSize.ofString("\u07FF")).isEqualTo(2 + 2);
    assertThat(JsonSize.ofString("\u0800")).isEqualTo(2 + 3);
  }

  @Test
  void utf8_lengths_change_at_u0080_u0800_and_u10000() {
    assertThat(Unicode.utf8Length("\u007F")).isEqualTo(1);
    assertThat(Unicode.utf8Length("\u0080")).isEqualTo(2);
    assertThat(Unicode.utf8Length("\u07FF")).isEqualTo(2);
    assertThat(Unicode.utf8Length("\u0800")).isEqualTo(3);
    assertThat(Unicode.utf8Length("\uD800\uDC00")).isEqualTo(4);
  }
}
