package dev.portcullis.gateway;

import static dev.portcullis.gateway.TestGateway.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Requests API Gateway refuses by itself get its answers, mostly without the authorizer running.
 */
class BadRequestsTest {

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(ApiKind.class)
  void a_missing_identity_source_gets_401_without_invoking_the_authorizer(ApiKind kind) {
    try (TestGateway gateway = start(kind)) {
      HttpResponse<String> response = gateway.send("GET", "/orders");

      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(response.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
      assertThat(gateway.invocations.get()).isZero();
      assertThat(gateway.log()).contains("GET /orders 401").contains("cache=- principal=-");
    }
  }

  @Test
  void an_empty_identity_source_counts_as_missing() {
    try (TestGateway gateway = start(ApiKind.HTTP_V1)) {
      assertThat(gateway.send("GET", "/orders", "Authorization", "").statusCode()).isEqualTo(401);
      assertThat(gateway.invocations.get()).isZero();
    }
  }

  @Test
  void a_request_authorizer_without_a_cache_is_invoked_even_without_its_identity_source() {
    try (TestGateway gateway = start(ApiKind.REST_REQUEST, "cache-ttl", "0")) {
      assertThat(gateway.send("GET", "/orders").statusCode()).isEqualTo(401);

      assertThat(gateway.invocations.get()).isEqualTo(1);
    }
  }

  @Test
  void headers_over_10240_bytes_get_431_without_invoking_the_authorizer() {
    try (TestGateway gateway = start(ApiKind.REST_TOKEN)) {
      HttpResponse<String> response =
          gateway.send(
              "GET", "/orders", "Authorization", "Bearer " + BOB, "X-Big", "a".repeat(10_240));

      assertThat(response.statusCode()).isEqualTo(431);
      assertThat(gateway.invocations.get()).isZero();
    }
  }

  @Test
  void headers_within_the_quota_pass() {
    try (TestGateway gateway = start(ApiKind.REST_TOKEN)) {
      HttpResponse<String> response =
          gateway.send(
              "GET", "/orders", "Authorization", "Bearer " + BOB, "X-Big", "a".repeat(9_000));

      assertThat(response.statusCode()).isEqualTo(200);
    }
  }

  @Test
  void a_malformed_cookie_is_skipped_and_leaves_the_caller_unauthenticated() {
    try (TestGateway gateway =
        start(ApiKind.HTTP_V2, "identity-source", "$request.header.Cookie")) {
      HttpResponse<String> malformed =
          gateway.send("GET", "/orders", "Cookie", "theme=dark; session" + BOB);

      assertThat(malformed.statusCode()).isEqualTo(401);
      assertThat(gateway.invocations.get()).isEqualTo(1);
    }
  }

  @Test
  void a_well_formed_cookie_among_others_is_found() {
    try (TestGateway gateway =
        start(ApiKind.HTTP_V2, "identity-source", "$request.header.Cookie")) {
      HttpResponse<String> response =
          gateway.send("GET", "/orders", "Cookie", "theme=dark; session=" + BOB);

      assertThat(response.statusCode()).isEqualTo(200);
    }
  }

  @Test
  void an_empty_cookie_value_is_refused() {
    try (TestGateway gateway =
        start(ApiKind.HTTP_V2, "identity-source", "$request.header.Cookie")) {
      assertThat(gateway.send("GET", "/orders", "Cookie", "session=; theme=dark").statusCode())
          .isEqualTo(401);
    }
  }

  @Test
  void a_token_in_the_query_string_is_read_from_the_identity_source() {
    try (TestGateway gateway =
        start(ApiKind.WEBSOCKET, "identity-source", "route.request.querystring.access_token")) {
      assertThat(gateway.send("GET", "/?access_token=" + TestGateway.ALICE).statusCode())
          .isEqualTo(200);
      assertThat(gateway.send("GET", "/?access_token=").statusCode()).isEqualTo(401);
    }
  }

  @Test
  void a_method_api_gateway_does_not_route_is_refused_per_api_kind() {
    try (TestGateway rest = start(ApiKind.REST_TOKEN);
        TestGateway http = start(ApiKind.HTTP_V2)) {
      HttpResponse<String> restAnswer =
          rest.send("TRACE", "/orders", "Authorization", "Bearer " + BOB);
      HttpResponse<String> httpAnswer =
          http.send("TRACE", "/orders", "Authorization", "Bearer " + BOB);

      assertThat(restAnswer.statusCode()).isEqualTo(403);
      assertThat(restAnswer.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
      assertThat(httpAnswer.statusCode()).isEqualTo(404);
      assertThat(rest.invocations.get() + http.invocations.get()).isZero();
    }
  }

  @Test
  void a_method_arn_over_1600_bytes_gets_414() {
    try (TestGateway gateway = start(ApiKind.REST_TOKEN)) {
      HttpResponse<String> response = gateway.get("/orders/" + "x".repeat(1600), BOB);

      assertThat(response.statusCode()).isEqualTo(414);
      assertThat(gateway.invocations.get()).isZero();
    }
  }

  @Test
  void a_head_request_gets_the_status_without_a_body() {
    try (TestGateway gateway = start(ApiKind.REST_TOKEN)) {
      HttpResponse<String> response = gateway.send("HEAD", "/orders");

      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(response.body()).isEmpty();
    }
  }

  @Test
  void no_token_ever_reaches_the_access_log() {
    try (TestGateway gateway =
        start(ApiKind.REST_REQUEST, "identity-source", "method.request.header.Authorization")) {
      gateway.get("/orders?access_token=" + BOB, BOB);
      gateway.get("/orders", TestGateway.CAROL);
      gateway.call("DELETE", "/orders/1", BOB);

      assertThat(gateway.log())
          .doesNotContain(BOB)
          .doesNotContain(TestGateway.CAROL)
          .doesNotContain("access_token");
    }
  }

  private TestGateway start(ApiKind kind, String... options) {
    return TestGateway.start(TestGateway.settings(kind, options), TestAuthorizer.in(dir));
  }
}
