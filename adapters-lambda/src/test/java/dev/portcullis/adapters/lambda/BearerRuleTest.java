package dev.portcullis.adapters.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The Bearer rule: what a header value yields as a token, and what is refused. */
class BearerRuleTest {

  @ParameterizedTest(name = "''{0}'' yields ''{1}''")
  @CsvSource(
      delimiter = '|',
      value = {
        "Bearer abc.def-ghi_jkl | abc.def-ghi_jkl",
        "bearer abc | abc",
        "BEARER abc | abc",
        "abc | abc",
        "Bearerabc | Bearerabc",
        "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln | eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln"
      })
  void aValueYieldsItsToken(String value, String token) {
    assertThat(CredentialExtractor.fromHeaderValue(value)).isEqualTo(token);
  }

  @ParameterizedTest(name = "''{0}'' is refused")
  @ValueSource(
      strings = {
        "Bearer",
        "bearer",
        "Bearer ",
        "Bearer  abc",
        "Bearer\tabc",
        " Bearer abc",
        "Bearer abc ",
        "Bearer abc def",
        "Basic YWxhZGRpbjpvcGVuc2VzYW1l",
        "Token abc",
        "Bearer a,Bearer b",
        "abc,def"
      })
  void aMalformedValueIsRefused(String value) {
    assertThatThrownBy(() -> CredentialExtractor.fromHeaderValue(value))
        .isInstanceOf(UnauthorizedException.class)
        .hasMessage("Unauthorized");
  }
}
