package dev.portcullis.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.domain.rules.Grant.HttpGrant;
import dev.portcullis.domain.rules.Grant.Parsed;
import dev.portcullis.domain.rules.Grant.RouteKeyGrant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Tests the syntax of one grant. */
class GrantTest {

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource({
    "GET /orders/*, GET, /orders/*",
    "* /*, *, /*",
    "ANY /x, *, /x",
    "POST /orders, POST, /orders",
    "DELETE /, DELETE, /",
    "OPTIONS /a/b.c/d-e_f, OPTIONS, /a/b.c/d-e_f",
    "HEAD /*/items/*, HEAD, /*/items/*"
  })
  void a_method_and_path_make_an_http_grant(String text, String method, String path) {
    assertThat(Grant.parse(text)).isEqualTo(new Parsed.Accepted(new HttpGrant(method, path)));
  }

  @Test
  void any_is_the_same_grant_as_star() {
    Grant grant = accepted("ANY /orders");

    assertThat(grant).isEqualTo(accepted("* /orders")).hasToString("* /orders");
  }

  @Test
  void an_http_grant_resource_suffix_is_the_method_then_the_path() {
    assertThat(accepted("GET /orders/*").resourceSuffixes()).containsExactly("GET/orders/*");
  }

  @Test
  void any_method_is_written_once_per_method_so_the_star_cannot_reach_into_the_path() {
    assertThat(accepted("* /orders/*").resourceSuffixes())
        .containsExactly(
            "DELETE/orders/*",
            "GET/orders/*",
            "HEAD/orders/*",
            "OPTIONS/orders/*",
            "PATCH/orders/*",
            "POST/orders/*",
            "PUT/orders/*");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource({"* /*, */*", "ANY /*/items, */*/items", "* /**, */**"})
  void any_method_on_a_path_starting_with_a_wildcard_stays_one_suffix(String text, String suffix) {
    assertThat(accepted(text).resourceSuffixes()).containsExactly(suffix);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"$connect", "$disconnect", "sendMessage", "chat.v1-a_b"})
  void a_single_word_makes_a_websocket_route_key_grant(String text) {
    Grant grant = accepted(text);

    assertThat(grant).isEqualTo(new RouteKeyGrant(text));
    assertThat(grant.resourceSuffixes()).containsExactly(text);
    assertThat(grant).hasToString(text);
  }

  @Test
  void the_default_route_key_is_rejected_with_what_to_write_instead() {
    assertThat(problem("$default"))
        .contains("never matches")
        .contains("method and path")
        .contains("'* /*'");
    assertThatThrownBy(() -> new RouteKeyGrant("$default"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'* /*'");
  }

  @Test
  void a_lower_case_method_is_rejected_with_a_hint_about_case() {
    assertThat(problem("get /orders")).contains("unknown method 'get'").contains("upper case");
  }

  @Test
  void an_unknown_method_is_rejected_with_the_allowed_ones() {
    assertThat(problem("FETCH /orders"))
        .contains("unknown method 'FETCH'")
        .contains("GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS");
  }

  @Test
  void a_path_without_a_leading_slash_is_rejected() {
    assertThat(problem("GET orders")).contains("path 'orders'").contains("starts with /");
  }

  @Test
  void a_path_parameter_is_rejected_with_the_wildcard_suggested_instead() {
    assertThat(problem("GET /orders/{id}"))
        .contains("path '/orders/{id}'")
        .contains("write /orders/* rather than /orders/{id}");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"GET /orders?x", "GET /orders /x", "GET  /orders", "GET /ord\u00E9rs"})
  void a_path_with_characters_outside_the_safe_set_is_rejected(String text) {
    assertThat(problem(text)).contains("a path starts with / and holds only");
  }

  @Test
  void a_path_of_the_maximum_length_is_accepted() {
    String path = "/" + "a".repeat(Grant.MAX_PATH_LENGTH - 1);

    assertThat(accepted("GET " + path)).isEqualTo(new HttpGrant("GET", path));
  }

  @Test
  void an_over_long_path_is_rejected() {
    String path = "/" + "a".repeat(Grant.MAX_PATH_LENGTH);

    assertThat(problem("GET " + path)).isEqualTo("has a path longer than 256 characters");
  }

  @ParameterizedTest(name = "[{index}] \"{0}\"")
  @ValueSource(strings = {"", " ", "\t", "  \n "})
  void a_blank_grant_is_rejected(String text) {
    assertThat(problem(text)).isEqualTo("is empty");
  }

  @Test
  void a_null_grant_is_rejected() {
    assertThat(problem(null)).isEqualTo("is empty");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"/orders", "$con*", "*", "$connect\n", "GET/orders"})
  void a_single_word_that_is_not_a_route_key_is_rejected(String text) {
    assertThat(problem(text)).contains("is neither 'METHOD PATH'");
  }

  @Test
  void constructing_an_invalid_http_grant_directly_fails_with_the_grant_text() {
    assertThatThrownBy(() -> new HttpGrant("get", "/x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("grant 'get /x' has unknown method");
    assertThatThrownBy(() -> new HttpGrant("GET", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("grant 'GET x' has path");
  }

  @Test
  void constructing_an_invalid_route_key_grant_directly_fails() {
    assertThatThrownBy(() -> new RouteKeyGrant("$con nect"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("$con nect");
  }

  private static Grant accepted(String text) {
    Parsed parsed = Grant.parse(text);
    assertThat(parsed).isInstanceOf(Parsed.Accepted.class);
    return ((Parsed.Accepted) parsed).grant();
  }

  private static String problem(String text) {
    Parsed parsed = Grant.parse(text);
    assertThat(parsed).isInstanceOf(Parsed.Rejected.class);
    return ((Parsed.Rejected) parsed).problem();
  }
}
