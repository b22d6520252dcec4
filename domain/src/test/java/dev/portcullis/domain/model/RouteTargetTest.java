package dev.portcullis.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.domain.model.RouteTarget.HttpRoute;
import dev.portcullis.domain.model.RouteTarget.WebSocketRoute;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Tests parsing of {@code methodArn} and {@code routeArn}. */
class RouteTargetTest {

  private static final String PREFIX = "arn:aws:execute-api:us-east-1:123456789012:abcdef1234/";

  @Test
  void a_rest_method_arn_is_split_into_its_parts() {
    // Act
    RouteTarget target = RouteTarget.parse(PREFIX + "prod/GET/orders/42");

    // Assert
    assertThat(target.partition()).isEqualTo("aws");
    assertThat(target.region()).isEqualTo("us-east-1");
    assertThat(target.account()).isEqualTo("123456789012");
    assertThat(target.apiId()).isEqualTo("abcdef1234");
    assertThat(target.stage()).isEqualTo("prod");
    assertThat(target.route()).isEqualTo(new HttpRoute("GET", "/orders/42"));
  }

  @Test
  void an_http_api_route_arn_is_parsed_like_a_method_arn() {
    RouteTarget target =
        RouteTarget.parse("arn:aws:execute-api:us-east-1:123456789012:abcdef123/test/GET/request");

    assertThat(target.apiId()).isEqualTo("abcdef123");
    assertThat(target.stage()).isEqualTo("test");
    assertThat(target.route()).isEqualTo(new HttpRoute("GET", "/request"));
  }

  @Test
  void the_default_stage_is_accepted() {
    RouteTarget target = RouteTarget.parse(PREFIX + "$default/POST/orders");

    assertThat(target.stage()).isEqualTo("$default");
    assertThat(target.route()).isEqualTo(new HttpRoute("POST", "/orders"));
  }

  @Test
  void the_root_path_is_a_single_slash() {
    RouteTarget target = RouteTarget.parse(PREFIX + "prod/GET/");

    assertThat(target.route()).isEqualTo(new HttpRoute("GET", "/"));
  }

  @Test
  void a_websocket_method_arn_carries_a_route_key() {
    RouteTarget target = RouteTarget.parse(PREFIX + "prod/$connect");

    assertThat(target.route()).isEqualTo(new WebSocketRoute("$connect"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource({
    "arn:aws-cn:execute-api:cn-north-1:123456789012:abc123/prod/GET/x, aws-cn, cn-north-1",
    "arn:aws-us-gov:execute-api:us-gov-west-1:123456789012:abc123/prod/GET/x, aws-us-gov,"
        + " us-gov-west-1",
    "arn:aws:execute-api:ap-southeast-2:123456789012:abc123/prod/GET/x, aws, ap-southeast-2"
  })
  void other_partitions_and_regions_are_accepted(String arn, String partition, String region) {
    RouteTarget target = RouteTarget.parse(arn);

    assertThat(target.partition()).isEqualTo(partition);
    assertThat(target.region()).isEqualTo(region);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "arn:aws:execute-api:us-east-1:123456789012:abcdef1234/prod/GET/orders/42",
        "arn:aws:execute-api:us-east-1:123456789012:abcdef1234/$default/DELETE/a/b.c/d-e_f",
        "arn:aws:execute-api:us-east-1:123456789012:abcdef1234/prod/GET/",
        "arn:aws:execute-api:us-east-1:123456789012:abcdef1234/prod/$connect",
        "arn:aws-cn:execute-api:cn-north-1:123456789012:abc123/v1/OPTIONS/x%20y"
      })
  void arn_gives_back_the_parsed_text(String arn) {
    assertThat(RouteTarget.parse(arn).arn()).isEqualTo(arn);
  }

  @Test
  void the_stage_and_api_prefixes_end_with_a_slash() {
    RouteTarget target = RouteTarget.parse(PREFIX + "prod/GET/orders/42");

    assertThat(target.apiPrefix()).isEqualTo(PREFIX);
    assertThat(target.stagePrefix()).isEqualTo(PREFIX + "prod/");
  }

  @Test
  void every_method_api_gateway_sends_is_accepted() {
    for (String method :
        new String[] {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"}) {
      assertThat(RouteTarget.parse(PREFIX + "prod/" + method + "/x").route())
          .isEqualTo(new HttpRoute(method, "/x"));
    }
  }

  @Test
  void a_null_arn_is_missing() {
    assertThatThrownBy(() -> RouteTarget.parse(null))
        .isInstanceOf(MalformedArnException.class)
        .hasMessage("malformed execute-api ARN: the ARN is missing");
  }

  @Test
  void an_empty_arn_is_missing() {
    assertThatThrownBy(() -> RouteTarget.parse(""))
        .isInstanceOf(MalformedArnException.class)
        .hasMessageContaining("missing");
  }

  @Test
  void an_arn_of_exactly_1600_characters_is_accepted() {
    String arn = PREFIX + "prod/GET/" + "a".repeat(1600 - (PREFIX + "prod/GET/").length());

    assertThat(arn).hasSize(RouteTarget.MAX_ARN_LENGTH);
    assertThat(RouteTarget.parse(arn).arn()).isEqualTo(arn);
  }

  @Test
  void an_arn_over_1600_characters_is_refused() {
    String arn = PREFIX + "prod/GET/" + "a".repeat(1601 - (PREFIX + "prod/GET/").length());

    assertThatThrownBy(() -> RouteTarget.parse(arn))
        .isInstanceOf(MalformedArnException.class)
        .hasMessageContaining("longer than 1600 bytes");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "arn:aws:lambda:us-east-1:123456789012:abcdef1234/prod/GET/x", // wrong service
        "arn:aws:execute-api:us-east-1:12345678901:abcdef1234/prod/GET/x", // 11-digit account
        "arn:aws:execute-api:us-east-1:1234567890123:abcdef1234/prod/GET/x", // 13 digits
        "arn:aws:execute-api:us-east-1:12345678901a:abcdef1234/prod/GET/x", // not digits
        "arn:gcp:execute-api:us-east-1:123456789012:abcdef1234/prod/GET/x", // partition
        "arn:aws:execute-api:useast1:123456789012:abcdef1234/prod/GET/x", // region
        "arn:aws:execute-api:us-east-1:123456789012:abc-def/prod/GET/x", // api id
        "arn:aws:execute-api:us-east-1:123456789012:abcdef1234", // no stage nor route
        "arn:aws:execute-api:us-east-1:123456789012:abcdef1234/prod", // no route
        "arn:aws:execute-api:us-east-1:123456789012:*/prod/GET/x", // wildcard api
        "arn:aws:execute-api:us-east-1:123456789012:abcdef1234/*/GET/x", // wildcard stage
        "arn:aws:execute-api:us-east-1:123456789012:abcdef1234/pr od/GET/x", // space in stage
        "arn:aws:execute-api:us-east-1:123456789012:abcdef1234//GET/x", // empty stage
        "ARN:aws:execute-api:us-east-1:123456789012:abcdef1234/prod/GET/x", // upper-case arn
        " arn:aws:execute-api:us-east-1:123456789012:abcdef1234/prod/GET/x", // leading space
        "orders/42"
      })
  void an_arn_of_the_wrong_shape_is_refused_with_the_expected_shape(String arn) {
    assertThatThrownBy(() -> RouteTarget.parse(arn))
        .isInstanceOf(MalformedArnException.class)
        .hasMessageContaining(
            "expected arn:PARTITION:execute-api:REGION:ACCOUNT:API_ID/STAGE/ROUTE");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"get", "ANY", "CONNECT", "TRACE", "*", "", "G ET"})
  void a_method_api_gateway_never_sends_is_refused(String method) {
    assertThatThrownBy(() -> RouteTarget.parse(PREFIX + "prod/" + method + "/orders"))
        .isInstanceOf(MalformedArnException.class)
        .hasMessageContaining("HTTP method");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "/orders/*", // a literal star
        "/orders/4?", // a literal question mark
        "/orders 42", // a space
        "/orders%2042", // a percent escape
        "/price/$5", // a dollar sign
        "/at/2021-08-01T00:00:00Z", // colons, as API Gateway sends them
        "/orders\r\n42", // CRLF
        "/orders\t42", // tab
        "/orders\u000042", // NUL
        "/ord\u00E9rs", // non-ASCII
        "/emoji/\ud83d\ude00", // a character outside the BMP
        "/files/$connect", // a path that ends like a route key
        "/a/../b/./c" // dot segments
      })
  void any_unicode_path_is_an_http_route_given_back_as_it_was_sent(String path) {
    // Act
    RouteTarget target = RouteTarget.parse(PREFIX + "prod/GET" + path);

    // Assert
    assertThat(target.route()).isEqualTo(new HttpRoute("GET", path));
    assertThat(target.isWebSocket()).isFalse();
    assertThat(target.arn()).isEqualTo(PREFIX + "prod/GET" + path);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"/orders/\ud83d", "/orders/\ude00x", "/\ude00\ud83d"})
  void a_path_with_a_lone_surrogate_is_refused(String path) {
    assertThatThrownBy(() -> RouteTarget.parse(PREFIX + "prod/GET" + path))
        .isInstanceOf(MalformedArnException.class)
        .hasMessageContaining("lone surrogate");
  }

  @Test
  void the_length_limit_counts_utf8_bytes_not_characters() {
    // Arrange: 1600 bytes in all, the path's é taking two of them.
    String head = PREFIX + "prod/GET/";
    String fits = head + "\u00e9" + "a".repeat(1600 - head.length() - 2);
    String over = head + "\u00e9" + "a".repeat(1600 - head.length() - 1);

    // Act and assert
    assertThat(RouteTarget.parse(fits).arn()).isEqualTo(fits);
    assertThatThrownBy(() -> RouteTarget.parse(over))
        .isInstanceOf(MalformedArnException.class)
        .hasMessageContaining("longer than 1600 bytes");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"$connect", "$disconnect", "$default", "sendMessage"})
  void only_a_route_key_directly_after_the_stage_is_a_websocket_route(String routeKey) {
    assertThat(isWebSocketArn(PREFIX + "prod/" + routeKey)).isTrue();
    assertThat(RouteTarget.parse(PREFIX + "prod/" + routeKey).isWebSocket()).isTrue();
    assertThat(isWebSocketArn(PREFIX + "prod/GET/files/" + routeKey)).isFalse();
    assertThat(isWebSocketArn(PREFIX + "prod/POST/" + routeKey)).isFalse();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "arn:aws:execute-api:us-east-1:123456789012:abcdef1234/$connect",
        "arn:aws:execute-api:us-east-1:123456789012:abcdef1234/prod/$con nect",
        "not an arn/$connect",
        ""
      })
  void an_arn_that_does_not_parse_is_no_websocket_route(String arn) {
    assertThat(isWebSocketArn(arn)).isFalse();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"$con nect", "$connect\r\n", "$*", "$", "$conn?ect"})
  void a_websocket_route_key_of_the_wrong_shape_is_refused(String routeKey) {
    assertThatThrownBy(() -> RouteTarget.parse(PREFIX + "prod/" + routeKey))
        .isInstanceOf(MalformedArnException.class)
        .hasMessageContaining("neither METHOD/PATH nor a WebSocket route key");
  }

  @Test
  void a_trailing_line_break_after_a_websocket_route_key_is_refused() {
    assertThatThrownBy(() -> RouteTarget.parse(PREFIX + "prod/$connect\n"))
        .isInstanceOf(MalformedArnException.class);
  }

  /** True when {@code arn} parses and names a WebSocket route; false for anything else. */
  private static boolean isWebSocketArn(String arn) {
    try {
      return RouteTarget.parse(arn).isWebSocket();
    } catch (MalformedArnException e) {
      return false;
    }
  }
}
