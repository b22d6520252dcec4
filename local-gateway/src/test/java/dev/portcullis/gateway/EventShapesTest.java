package dev.portcullis.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The events the gateway builds have the shapes of docs/examples/events, for every kind. */
class EventShapesTest {

  private static final String ARN_PREFIX =
      "arn:aws:execute-api:us-east-1:123456789012:abcdef1234/prod/";

  @TempDir Path dir;

  @Test
  void a_token_event_holds_the_header_value_and_the_method_arn_only() {
    Map<String, Object> event =
        eventFor(ApiKind.REST_TOKEN, "GET", "/orders/42", "Authorization", "Bearer abc");

    assertThat(event)
        .containsExactly(
            Map.entry("type", "TOKEN"),
            Map.entry("authorizationToken", "Bearer abc"),
            Map.entry("methodArn", ARN_PREFIX + "GET/orders/42"));
  }

  @Test
  void a_rest_request_event_has_single_and_multi_value_maps_and_the_request_context() {
    Map<String, Object> event =
        eventFor(
            ApiKind.REST_REQUEST,
            "GET",
            "/orders/42?expand=items&expand=notes",
            "Authorization",
            "Bearer abc",
            "X-Trace",
            "t");

    assertThat(event.get("type")).isEqualTo("REQUEST");
    assertThat(event.get("methodArn")).isEqualTo(ARN_PREFIX + "GET/orders/42");
    assertThat(event).containsEntry("path", "/orders/42").containsEntry("httpMethod", "GET");
    assertThat(map(event, "headers"))
        .containsEntry("Authorization", "Bearer abc")
        .containsEntry("X-Trace", "t")
        .containsEntry("Host", "abcdef1234.execute-api.us-east-1.amazonaws.com")
        .containsEntry("X-Forwarded-Proto", "https");
    assertThat(map(event, "multiValueHeaders")).containsEntry("X-Trace", List.of("t"));
    assertThat(map(event, "queryStringParameters")).containsEntry("expand", "notes");
    assertThat(map(event, "multiValueQueryStringParameters"))
        .containsEntry("expand", List.of("items", "notes"));
    Map<String, Object> context = map(event, "requestContext");
    assertThat(context)
        .containsEntry("path", "/prod/orders/42")
        .containsEntry("accountId", "123456789012")
        .containsEntry("stage", "prod")
        .containsEntry("apiId", "abcdef1234")
        .containsEntry("httpMethod", "GET");
    assertThat(map(context, "identity")).containsEntry("sourceIp", "127.0.0.1");
  }

  @Test
  void an_http_1_0_event_carries_the_identity_sources_joined_with_commas() {
    Map<String, Object> event =
        eventFor(
            ApiKind.HTTP_V1,
            "DELETE",
            "/orders/42?t=1",
            "$request.header.Authorization,$request.querystring.t",
            "Authorization",
            "Bearer abc");

    assertThat(event)
        .containsEntry("version", "1.0")
        .containsEntry("methodArn", ARN_PREFIX + "DELETE/orders/42")
        .containsEntry("identitySource", "Bearer abc,1")
        .containsEntry("authorizationToken", "Bearer abc,1");
  }

  @Test
  void an_http_2_0_event_has_lower_case_headers_a_cookie_list_and_the_route_key() {
    Map<String, Object> event =
        eventFor(
            ApiKind.HTTP_V2,
            "POST",
            "/orders?a=1&a=2",
            "$request.header.Authorization,$context.routeKey",
            "Authorization",
            "Bearer abc",
            "Cookie",
            "theme=dark; session=xyz");

    assertThat(event)
        .containsEntry("version", "2.0")
        .containsEntry("routeArn", ARN_PREFIX + "POST/orders")
        .containsEntry("routeKey", "POST /orders")
        .containsEntry("rawPath", "/prod/orders")
        .containsEntry("rawQueryString", "a=1&a=2")
        .containsEntry("identitySource", List.of("Bearer abc", "POST /orders"))
        .containsEntry("cookies", List.of("theme=dark", "session=xyz"));
    assertThat(map(event, "headers"))
        .containsEntry("authorization", "Bearer abc")
        .doesNotContainKey("cookie")
        .doesNotContainKey("Authorization");
    assertThat(map(event, "queryStringParameters")).containsEntry("a", "1,2");
    assertThat(map(map(event, "requestContext"), "http"))
        .containsEntry("method", "POST")
        .containsEntry("path", "/prod/orders");
  }

  @Test
  void a_websocket_event_is_a_connect_whatever_the_path() {
    Map<String, Object> event =
        eventFor(
            ApiKind.WEBSOCKET,
            "GET",
            "/chat?room=1",
            "route.request.header.Authorization",
            "Authorization",
            "Bearer abc");

    assertThat(event.get("methodArn")).isEqualTo(ARN_PREFIX + "$connect");
    assertThat(event).doesNotContainKeys("path", "httpMethod", "pathParameters");
    assertThat(map(event, "requestContext"))
        .containsEntry("routeKey", "$connect")
        .containsEntry("eventType", "CONNECT")
        .containsKey("connectionId");
  }

  @Test
  void the_api_stage_account_and_region_are_configurable() {
    AtomicReference<byte[]> seen = new AtomicReference<>();
    GatewaySettings settings =
        TestGateway.settings(
            ApiKind.REST_TOKEN,
            "api-id",
            "zzz999",
            "stage",
            "dev",
            "account",
            "210987654321",
            "region",
            "eu-west-1");
    try (TestGateway gateway = TestGateway.start(settings, recording(seen), false, null)) {
      gateway.get("/x", "abc");
    }

    assertThat(parse(seen.get()).get("methodArn"))
        .isEqualTo("arn:aws:execute-api:eu-west-1:210987654321:zzz999/dev/GET/x");
  }

  /** The event the gateway sends for one request; the recording authorizer answers 401. */
  private Map<String, Object> eventFor(
      ApiKind kind, String method, String path, String... sourcesThenHeaders) {
    boolean withSources = sourcesThenHeaders.length % 2 == 1;
    GatewaySettings settings =
        withSources
            ? TestGateway.settings(kind, "identity-source", sourcesThenHeaders[0])
            : TestGateway.settings(kind);
    String[] headers =
        withSources
            ? Arrays.copyOfRange(sourcesThenHeaders, 1, sourcesThenHeaders.length)
            : sourcesThenHeaders;
    AtomicReference<byte[]> seen = new AtomicReference<>();
    try (TestGateway gateway = TestGateway.start(settings, recording(seen), false, null)) {
      assertThat(gateway.send(method, path, headers).statusCode()).isEqualTo(401);
    }
    return parse(seen.get());
  }

  private static RequestStreamHandler recording(AtomicReference<byte[]> seen) {
    return (event, response, context) -> {
      seen.set(event.readAllBytes());
      throw new IllegalStateException(LocalGateway.UNAUTHORIZED);
    };
  }

  private static Map<String, Object> parse(byte[] json) {
    try {
      return Json.MAPPER.readValue(json, Json.PLAIN_OBJECT);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Map<String, Object> parent, String key) {
    return (Map<String, Object>) parent.get(key);
  }
}
