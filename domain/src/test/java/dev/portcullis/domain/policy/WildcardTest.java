package dev.portcullis.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Tests IAM wildcard matching. */
class WildcardTest {

  @ParameterizedTest(name = "[{index}] ''{0}'' matches ''{1}''")
  @CsvSource(
      delimiter = '|',
      value = {
        "GET/orders|GET/orders",
        "GET/orders/*|GET/orders/42",
        "GET/orders/*|GET/orders/",
        "GET/orders/*|GET/orders/42/items/7",
        "*/*|GET/",
        "*|''",
        "*|anything/at/all",
        "GET/*/items|GET/orders/42/items",
        "GET/orders/4?|GET/orders/42",
        "???/x|PUT/x",
        "a*b*c|abc",
        "a*b*c|aXbYbZc",
        "*a|aaaa",
        "**|x",
        "''|''"
      })
  void a_pattern_matches(String pattern, String text) {
    assertThat(Wildcard.matches(pattern, text)).isTrue();
  }

  @ParameterizedTest(name = "[{index}] ''{0}'' does not match ''{1}''")
  @CsvSource(
      delimiter = '|',
      value = {
        "GET/orders|GET/orders/42",
        "GET/orders|GET/order",
        "GET/orders/*|GET/orders",
        "GET/orders/*|POST/orders/42",
        "GET/orders/4?|GET/orders/4",
        "GET/orders/4?|GET/orders/421",
        "???/x|POST/x",
        "a*b*c|aXbYbZ",
        "?|''",
        "''|x",
        "get/orders|GET/orders"
      })
  void a_pattern_does_not_match(String pattern, String text) {
    assertThat(Wildcard.matches(pattern, text)).isFalse();
  }

  @ParameterizedTest(name = "[{index}] ''{0}'' matches ''{1}'' ignoring case")
  @CsvSource({
    "execute-api:Invoke, EXECUTE-API:INVOKE",
    "execute-api:*, Execute-Api:invoke",
    "EXECUTE-API:INV?KE, execute-api:invoke"
  })
  void ignoring_case_matches_regardless_of_ascii_case(String pattern, String text) {
    assertThat(Wildcard.matchesIgnoreCase(pattern, text)).isTrue();
    assertThat(Wildcard.matches(pattern, text)).isFalse();
  }
}
