package dev.portcullis.gateway;

import static dev.portcullis.gateway.TestGateway.ALICE;
import static dev.portcullis.gateway.TestGateway.BOB;
import static dev.portcullis.gateway.TestGateway.CAROL;
import static dev.portcullis.gateway.TestGateway.DAVE;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** 200, 401 and 403 for every kind of API, with API Gateway's bodies and headers for each. */
class EveryKindTest {

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(ApiKind.class)
  void an_allowed_caller_gets_200_from_the_integration(ApiKind kind) {
    try (TestGateway gateway = start(kind)) {
      HttpResponse<String> response = gateway.call("DELETE", "/orders/42", ALICE);

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).contains("\"path\":\"/orders/42\"").contains("alice");
      assertThat(response.headers().firstValue(requestIdHeader(kind))).isPresent();
    }
  }

  @ParameterizedTest
  @EnumSource(ApiKind.class)
  void an_expired_session_gets_401_unauthorized(ApiKind kind) {
    try (TestGateway gateway = start(kind)) {
      HttpResponse<String> response = gateway.get("/orders", CAROL);

      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(response.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
      assertThat(response.headers().firstValue("x-amzn-ErrorType"))
          .isEqualTo(rest(kind) ? Optional.of("UnauthorizedException") : Optional.empty());
      assertThat(gateway.invocations.get()).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(ApiKind.class)
  void a_route_the_roles_do_not_grant_gets_403(ApiKind kind) {
    try (TestGateway gateway = start(kind)) {
      HttpResponse<String> response = gateway.call("DELETE", "/orders/42", BOB);

      assertThat(response.statusCode()).isEqualTo(403);
      if (rest(kind)) {
        assertThat(response.body())
            .isEqualTo("{\"Message\":\"User is not authorized to access this resource\"}");
        assertThat(response.headers().firstValue("x-amzn-ErrorType"))
            .hasValue("AccessDeniedException");
      } else {
        assertThat(response.body()).isEqualTo("{\"message\":\"Forbidden\"}");
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).isEmpty();
      }
    }
  }

  @ParameterizedTest
  @EnumSource(ApiKind.class)
  void an_identity_without_any_grant_gets_the_explicit_deny_403(ApiKind kind) {
    try (TestGateway gateway = start(kind)) {
      HttpResponse<String> response = gateway.get("/orders", DAVE);

      assertThat(response.statusCode()).isEqualTo(403);
      assertThat(response.body())
          .isEqualTo(
              rest(kind)
                  ? "{\"Message\":\"User is not authorized to access this resource with an"
                      + " explicit deny\"}"
                  : "{\"message\":\"Forbidden\"}");
    }
  }

  @Test
  void http_simple_responses_give_200_401_and_403() {
    GatewaySettings settings = TestGateway.settings(ApiKind.HTTP_V2, "cache-ttl", "0");
    try (TestGateway gateway =
        TestGateway.start(settings, TestAuthorizer.in(dir).simpleResponses())) {
      assertThat(gateway.get("/orders/42", BOB).statusCode()).isEqualTo(200);
      assertThat(gateway.call("DELETE", "/orders/42", BOB).statusCode()).isEqualTo(403);
      assertThat(gateway.get("/orders/42", CAROL).statusCode()).isEqualTo(401);
    }
  }

  @Test
  void simple_responses_reach_the_integration_under_authorizer_lambda() {
    GatewaySettings settings = TestGateway.settings(ApiKind.HTTP_V2, "cache-ttl", "0");
    try (TestGateway gateway =
        TestGateway.start(settings, TestAuthorizer.in(dir).simpleResponses())) {
      assertThat(gateway.get("/orders/42", BOB).body())
          .contains(
              "\"authorizer\":{\"lambda\":{\"principalId\":\"bob\",\"roles\":\"reader\","
                  + "\"backend\":\"memory\",\"expiresAt\":4070908800,\"tenant\":\"acme\"}}");
      assertThat(gateway.log()).contains("GET /orders/42 200").contains("principal=bob");
    }
  }

  @Test
  void a_rest_integration_receives_principal_id_and_every_context_value_as_a_string() {
    try (TestGateway gateway = start(ApiKind.REST_REQUEST)) {
      String body = gateway.get("/orders/42", BOB).body();

      assertThat(body)
          .startsWith(
              "{\"method\":\"GET\",\"path\":\"/orders/42\",\"requestContext\":{\"authorizer\":"
                  + "{\"principalId\":\"bob\",\"integrationLatency\":")
          .endsWith(
              ",\"roles\":\"reader\",\"backend\":\"memory\",\"expiresAt\":\"4070908800\","
                  + "\"tenant\":\"acme\"}}}");
    }
  }

  private TestGateway start(ApiKind kind) {
    return TestGateway.start(TestGateway.settings(kind), TestAuthorizer.in(dir));
  }

  private static boolean rest(ApiKind kind) {
    return kind.family() == ApiKind.Family.REST;
  }

  private static String requestIdHeader(ApiKind kind) {
    return rest(kind) ? "x-amzn-RequestId" : "apigw-requestid";
  }
}
