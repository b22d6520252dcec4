package dev.portcullis.gateway;

import static dev.portcullis.gateway.TestGateway.ALICE;
import static dev.portcullis.gateway.TestGateway.BOB;
import static dev.portcullis.gateway.TestGateway.CAROL;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The authorizer result cache behaves as API Gateway's: per identity source, for every route. */
class ResultCacheBehaviourTest {

  @TempDir Path dir;

  @Test
  void a_cached_policy_serves_the_next_route() {
    try (TestGateway gateway = start(ApiKind.REST_TOKEN)) {
      assertThat(gateway.get("/orders", BOB).statusCode()).isEqualTo(200);

      HttpResponse<String> next = gateway.get("/orders/7", BOB);

      assertThat(next.statusCode()).isEqualTo(200);
      assertThat(gateway.invocations.get()).isEqualTo(1);
      assertThat(gateway.log())
          .contains("GET /orders 200")
          .contains("cache=miss")
          .contains("GET /orders/7 200")
          .contains("cache=hit");
    }
  }

  @Test
  void a_cached_policy_still_refuses_the_routes_it_does_not_list() {
    try (TestGateway gateway = start(ApiKind.REST_TOKEN)) {
      gateway.get("/orders", BOB);

      assertThat(gateway.call("DELETE", "/orders/42", BOB).statusCode()).isEqualTo(403);
      assertThat(gateway.invocations.get()).isEqualTo(1);
    }
  }

  @Test
  void the_naive_authorizer_falls_into_the_trap_until_the_ttl_runs_out() {
    GatewaySettings naive =
        TestGateway.settings(ApiKind.REST_TOKEN, "cache-ttl", "60", "naive", "true");
    try (TestGateway gateway = TestGateway.start(naive, TestAuthorizer.in(dir))) {
      assertThat(gateway.get("/orders", BOB).statusCode()).isEqualTo(200);
      assertThat(gateway.get("/orders/42", BOB).statusCode()).isEqualTo(403);
      assertThat(gateway.invocations.get()).isEqualTo(1);

      gateway.advance(Duration.ofSeconds(60));

      assertThat(gateway.get("/orders/42", BOB).statusCode()).isEqualTo(200);
      assertThat(gateway.invocations.get()).isEqualTo(2);
    }
  }

  @Test
  void the_answer_expires_when_the_ttl_runs_out() {
    try (TestGateway gateway = start(ApiKind.REST_TOKEN, "cache-ttl", "10")) {
      gateway.get("/orders", BOB);
      gateway.advance(Duration.ofSeconds(9));
      gateway.get("/orders", BOB);
      assertThat(gateway.invocations.get()).isEqualTo(1);

      gateway.advance(Duration.ofSeconds(1));
      gateway.get("/orders", BOB);

      assertThat(gateway.invocations.get()).isEqualTo(2);
    }
  }

  @Test
  void a_revocation_takes_effect_once_the_ttl_runs_out() {
    try (TestGateway gateway = start(ApiKind.REST_TOKEN, "cache-ttl", "60")) {
      assertThat(gateway.get("/orders", BOB).statusCode()).isEqualTo(200);

      assertThat(gateway.component.sessions().revoke(BOB)).isTrue();

      assertThat(gateway.get("/orders", BOB).statusCode()).isEqualTo(200);
      gateway.advance(Duration.ofSeconds(60));
      assertThat(gateway.get("/orders", BOB).statusCode()).isEqualTo(401);
    }
  }

  @Test
  void unauthorized_answers_are_not_cached() {
    try (TestGateway gateway = start(ApiKind.REST_TOKEN)) {
      gateway.get("/orders", CAROL);
      gateway.get("/orders", CAROL);

      assertThat(gateway.invocations.get()).isEqualTo(2);
    }
  }

  @Test
  void a_backend_outage_gives_500_which_is_not_cached_and_the_next_call_recovers() {
    SwitchableResolver backend = memoryBackend();
    try (TestGateway gateway = withBackend(ApiKind.REST_TOKEN, backend)) {
      backend.down(true);

      HttpResponse<String> failed = gateway.get("/orders", BOB);

      assertThat(failed.statusCode()).isEqualTo(500);
      assertThat(failed.body()).isEqualTo("{\"message\":null}");
      assertThat(failed.headers().firstValue("x-amzn-ErrorType"))
          .hasValue("AuthorizerConfigurationException");
      assertThat(gateway.get("/orders", BOB).statusCode()).isEqualTo(500);
      assertThat(gateway.invocations.get()).isEqualTo(2);

      backend.down(false);

      assertThat(gateway.get("/orders", BOB).statusCode()).isEqualTo(200);
      assertThat(gateway.invocations.get()).isEqualTo(3);
      assertThat(gateway.log()).contains("backend 'memory' cannot answer").doesNotContain(BOB);
    }
  }

  @Test
  void an_http_api_answers_an_outage_with_its_own_500() {
    SwitchableResolver backend = memoryBackend();
    try (TestGateway gateway = withBackend(ApiKind.HTTP_V2, backend)) {
      backend.down(true);

      HttpResponse<String> failed = gateway.get("/orders", BOB);

      assertThat(failed.statusCode()).isEqualTo(500);
      assertThat(failed.body()).isEqualTo("{\"message\":\"Internal Server Error\"}");
    }
  }

  @Test
  void a_cached_allow_keeps_serving_through_an_outage_until_the_ttl_runs_out() {
    SwitchableResolver backend = memoryBackend();
    try (TestGateway gateway = withBackend(ApiKind.REST_TOKEN, backend)) {
      gateway.get("/orders", BOB);
      backend.down(true);

      assertThat(gateway.get("/orders/1", BOB).statusCode()).isEqualTo(200);
      gateway.advance(Duration.ofSeconds(300));
      assertThat(gateway.get("/orders/1", BOB).statusCode()).isEqualTo(500);
    }
  }

  @Test
  void a_token_authorizer_keys_the_cache_on_the_token() {
    try (TestGateway gateway = start(ApiKind.REST_TOKEN)) {
      gateway.get("/orders", BOB);
      gateway.get("/orders", ALICE);

      assertThat(gateway.invocations.get()).isEqualTo(2);
    }
  }

  @Test
  void a_request_authorizer_keys_the_cache_on_every_identity_source_together() {
    try (TestGateway gateway =
        start(
            ApiKind.REST_REQUEST,
            "identity-source",
            "method.request.header.Authorization, method.request.querystring.tenant")) {
      gateway.get("/orders?tenant=a", BOB);
      gateway.get("/orders?tenant=a", BOB);
      assertThat(gateway.invocations.get()).isEqualTo(1);

      gateway.get("/orders?tenant=b", BOB);

      assertThat(gateway.invocations.get()).isEqualTo(2);
    }
  }

  @Test
  void an_http_api_reuses_a_cached_simple_answer_for_every_route() {
    try (TestGateway gateway =
        TestGateway.start(
            TestGateway.settings(ApiKind.HTTP_V2), TestAuthorizer.in(dir).simpleResponses())) {
      assertThat(gateway.get("/orders/42", BOB).statusCode()).isEqualTo(200);

      // AWS: a cached simple response "fully allows or denies all API requests that match the
      // cached identity source values".
      assertThat(gateway.call("DELETE", "/orders/42", BOB).statusCode()).isEqualTo(200);
      assertThat(gateway.invocations.get()).isEqualTo(1);
    }
  }

  @Test
  void the_route_key_among_the_identity_sources_caches_per_route() {
    try (TestGateway gateway =
        TestGateway.start(
            TestGateway.settings(
                ApiKind.HTTP_V2,
                "identity-source",
                "$request.header.Authorization,$context.routeKey"),
            TestAuthorizer.in(dir).simpleResponses())) {
      assertThat(gateway.get("/orders/42", BOB).statusCode()).isEqualTo(200);

      assertThat(gateway.call("DELETE", "/orders/42", BOB).statusCode()).isEqualTo(403);
      assertThat(gateway.get("/orders/42", BOB).statusCode()).isEqualTo(200);
      assertThat(gateway.invocations.get()).isEqualTo(2);
    }
  }

  @Test
  void a_ttl_of_zero_runs_the_authorizer_for_every_request() {
    try (TestGateway gateway = start(ApiKind.REST_TOKEN, "cache-ttl", "0")) {
      gateway.get("/orders", BOB);
      gateway.get("/orders", BOB);

      assertThat(gateway.invocations.get()).isEqualTo(2);
      assertThat(gateway.log()).contains("cache=off");
    }
  }

  @Test
  void a_websocket_api_never_caches() {
    try (TestGateway gateway = start(ApiKind.WEBSOCKET)) {
      gateway.get("/", ALICE);
      gateway.get("/", ALICE);

      assertThat(gateway.invocations.get()).isEqualTo(2);
    }
  }

  @Test
  void an_answer_api_gateway_would_refuse_gives_500_and_is_not_cached() {
    RequestStreamHandler broken =
        (event, response, context) ->
            response.write("{\"principalId\":\"x\"}".getBytes(StandardCharsets.UTF_8));
    try (TestGateway gateway =
        TestGateway.start(TestGateway.settings(ApiKind.REST_TOKEN), broken, false, null)) {
      assertThat(gateway.get("/orders", BOB).statusCode()).isEqualTo(500);
      assertThat(gateway.get("/orders", BOB).statusCode()).isEqualTo(500);

      assertThat(gateway.invocations.get()).isEqualTo(2);
      assertThat(gateway.log()).contains("policyDocument is missing");
    }
  }

  @Test
  void only_the_exact_message_unauthorized_gives_401() {
    RequestStreamHandler almost =
        (event, response, context) -> {
          throw new IllegalStateException("Unauthorized: expired");
        };
    try (TestGateway gateway =
        TestGateway.start(TestGateway.settings(ApiKind.REST_TOKEN), almost, false, null)) {
      assertThat(gateway.get("/orders", BOB).statusCode()).isEqualTo(500);
    }
  }

  private TestGateway start(ApiKind kind, String... options) {
    return TestGateway.start(TestGateway.settings(kind, options), TestAuthorizer.in(dir));
  }

  private SwitchableResolver memoryBackend() {
    return new SwitchableResolver(TestAuthorizer.in(dir).backend());
  }

  /** A gateway over the test world's authorizer around {@code backend}, so a test can fail it. */
  private TestGateway withBackend(ApiKind kind, SwitchableResolver backend) {
    return TestGateway.start(
        TestGateway.settings(kind), TestAuthorizer.in(dir).handler(backend), false, null);
  }
}
