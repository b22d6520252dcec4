package dev.portcullis.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Tests the stored form of a credential. */
class FingerprintTest {

  private static final String HEX =
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

  @Test
  void sixty_four_lower_case_hex_characters_make_a_fingerprint() {
    assertThat(new Fingerprint(HEX).hex()).isEqualTo(HEX);
  }

  @Test
  void the_prefix_is_the_first_eight_characters() {
    assertThat(new Fingerprint(HEX).prefix()).isEqualTo("ba7816bf");
  }

  @Test
  void to_string_is_the_hex() {
    assertThat(new Fingerprint(HEX)).hasToString(HEX);
  }

  @Test
  void a_null_hex_is_refused_with_the_field_name() {
    assertThatNullPointerException().isThrownBy(() -> new Fingerprint(null)).withMessage("hex");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "",
        "ba7816bf", // too short
        "BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD", // upper case
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad0", // 65
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015a", // 63
        "ga7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", // not hex
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015a\n"
      })
  void anything_but_sixty_four_lower_case_hex_characters_is_refused(String hex) {
    assertThatThrownBy(() -> new Fingerprint(hex))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("64 lower-case hex");
  }
}
