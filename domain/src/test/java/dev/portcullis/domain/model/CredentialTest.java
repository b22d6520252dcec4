package dev.portcullis.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Tests the raw bearer value: parsing, redaction, fingerprint and comparison. */
class CredentialTest {

  private static final String TOKEN = "pcs_s3cr3tT0kenValue-_";

  @Test
  void to_string_never_contains_the_value() {
    // Arrange
    Credential credential = Credential.parse(TOKEN).orElseThrow();

    // Act
    String shown = credential.toString();

    // Assert
    assertThat(shown).doesNotContain(TOKEN).doesNotContain("s3cr3t").contains("redacted");
    assertThat(shown).contains(credential.fingerprint().prefix());
  }

  @Test
  void the_fingerprint_is_the_lower_case_hex_sha_256_of_the_value() throws Exception {
    // Arrange
    String expected =
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256")
                    .digest(TOKEN.getBytes(StandardCharsets.US_ASCII)));

    // Act
    Fingerprint fingerprint = Credential.parse(TOKEN).orElseThrow().fingerprint();

    // Assert
    assertThat(fingerprint.hex()).isEqualTo(expected);
  }

  @Test
  void the_fingerprint_of_abc_is_the_published_sha_256_test_vector() {
    assertThat(Credential.parse("abc").orElseThrow().fingerprint().hex())
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void reveal_gives_back_the_exact_value() {
    assertThat(Credential.parse(TOKEN).orElseThrow().reveal()).isEqualTo(TOKEN);
  }

  @Test
  void a_null_value_is_not_a_credential() {
    assertThat(Credential.parse(null)).isEmpty();
  }

  @Test
  void an_empty_value_is_not_a_credential() {
    assertThat(Credential.parse("")).isEmpty();
  }

  @Test
  void a_value_of_exactly_the_maximum_length_is_accepted() {
    assertThat(Credential.parse("a".repeat(Credential.MAX_LENGTH))).isPresent();
  }

  @Test
  void a_value_one_character_over_the_maximum_length_is_refused() {
    assertThat(Credential.parse("a".repeat(Credential.MAX_LENGTH + 1))).isEmpty();
  }

  @Test
  void every_visible_ascii_character_is_accepted() {
    // Arrange
    StringBuilder all = new StringBuilder();
    for (char c = 0x21; c <= 0x7E; c++) {
      all.append(c);
    }

    // Act and assert
    assertThat(Credential.parse(all.toString())).isPresent();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "tok en", // space
        "tok\ten", // tab
        "tok\r\nen", // CRLF, a header injection
        "tok\nen", // LF
        "tok\u0000en", // NUL
        "tok\u0007en", // BEL, another control character
        "tok\u007Fen", // DEL
        "tok\u00E9n", // é, non-ASCII
        "tok\u200Ben", // zero-width space
        "tok\uFEFFen", // byte order mark
        "tok\u00A0en", // no-break space
        "p\u0430ssword", // Cyrillic а, a homoglyph of a
        "\uD83D\uDD11key", // an emoji, a surrogate pair
        " leading",
        "trailing "
      })
  void a_value_with_a_character_outside_visible_ascii_is_refused(String raw) {
    assertThat(Credential.parse(raw)).isEmpty();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl",
        "eyJhbGciOiJub25lIn0.eyJzdWIiOiJhbGljZSJ9."
      })
  void a_three_segment_value_with_a_json_header_looks_like_a_jwt(String raw) {
    assertThat(Credential.parse(raw).orElseThrow().looksLikeJwt()).isTrue();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "pcs_AAAABBBBCCCC",
        "abc.def.ghi", // three segments, but no JSON header
        "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9", // two segments
        "eyJhbGciOiJSUzI1NiJ9..c2ln", // empty payload
        "eyJ.a.b.c.d", // five segments, a JWE
        "eyJhbGciOiJSUzI1NiJ9", // no dot at all
        ".eyJ.x"
      })
  void other_values_do_not_look_like_a_jwt(String raw) {
    assertThat(Credential.parse(raw).orElseThrow().looksLikeJwt()).isFalse();
  }

  @Test
  void matches_is_true_for_equal_values_and_false_otherwise() {
    // Arrange
    Credential a = Credential.parse(TOKEN).orElseThrow();
    Credential same = Credential.parse(TOKEN).orElseThrow();
    Credential differentLastChar = Credential.parse(TOKEN.replace('_', 'x')).orElseThrow();
    Credential longer = Credential.parse(TOKEN + "a").orElseThrow();

    // Act and assert
    assertThat(a.matches(same)).isTrue();
    assertThat(a.matches(differentLastChar)).isFalse();
    assertThat(a.matches(longer)).isFalse();
    assertThat(longer.matches(a)).isFalse();
  }

  @Test
  void equal_credentials_have_equal_hash_codes() {
    // Arrange
    Credential a = Credential.parse(TOKEN).orElseThrow();
    Credential b = Credential.parse(TOKEN).orElseThrow();

    // Act and assert
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(Credential.parse("other").orElseThrow());
    assertThat(a).isNotEqualTo(TOKEN);
  }
}
