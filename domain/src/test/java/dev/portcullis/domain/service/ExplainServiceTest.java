package dev.portcullis.domain.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.portcullis.domain.model.Identity;
import dev.portcullis.domain.model.Resolution;
import dev.portcullis.domain.model.RouteTarget;
import dev.portcullis.domain.port.in.AuthorizationRequest;
import dev.portcullis.domain.port.in.Decision;
import dev.portcullis.domain.port.in.Explanation;
import dev.portcullis.domain.port.in.Explanation.BackendStep;
import dev.portcullis.domain.port.in.Explanation.BackendStep.Outcome;
import dev.portcullis.domain.port.in.Explanation.GrantCheck;
import dev.portcullis.domain.port.in.Explanation.Status;
import dev.portcullis.domain.port.out.BackendUnavailableException;
import dev.portcullis.domain.rules.AccessRules;
import dev.portcullis.domain.testing.FakeResolver;
import dev.portcullis.domain.testing.MutableClock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Tests that an explanation tells the status the same steps decide, and what each step found. */
class ExplainServiceTest {

  private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
  private static final String STAGE = "arn:aws:execute-api:us-east-1:123456789012:abcdef1234/prod/";
  private static final String JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl";
  private static final AccessRules RULES =
      AccessRules.of(
          Map.of(
              "member", List.of("GET /tenants/${tenant}/*", "PUT /users/${principalId}/profile"),
              "reader", List.of("GET /orders/*"),
              "*", List.of("GET /health")));

  private final MutableClock clock = MutableClock.at(NOW);

  static Stream<Arguments> calls() {
    return Stream.of(
        Arguments.of("no credential", Optional.empty(), "GET/orders/1", Status.UNAUTHORIZED),
        Arguments.of(
            "a malformed one", Optional.of("two words"), "GET/orders/1", Status.UNAUTHORIZED),
        Arguments.of(
            "an unknown one", Optional.of("pcs_unknown"), "GET/orders/1", Status.UNAUTHORIZED),
        Arguments.of(
            "an expired one", Optional.of("pcs_expired"), "GET/orders/1", Status.UNAUTHORIZED),
        Arguments.of(
            "a revoked one", Optional.of("pcs_revoked"), "GET/orders/1", Status.UNAUTHORIZED),
        Arguments.of(
            "an invalid one", Optional.of("pcs_invalid"), "GET/orders/1", Status.UNAUTHORIZED),
        Arguments.of(
            "a JWT no backend takes", Optional.of(JWT), "GET/orders/1", Status.UNAUTHORIZED),
        Arguments.of(
            "a reader on its route", Optional.of("pcs_reader"), "GET/orders/1", Status.ALLOWED),
        Arguments.of(
            "a reader elsewhere", Optional.of("pcs_reader"), "DELETE/orders/1", Status.FORBIDDEN),
        Arguments.of(
            "a reader on a dot segment",
            Optional.of("pcs_reader"),
            "GET/orders/../admin",
            Status.FORBIDDEN),
        Arguments.of(
            "a member on its tenant",
            Optional.of("pcs_acme"),
            "GET/tenants/acme/x",
            Status.ALLOWED),
        Arguments.of(
            "a member on another",
            Optional.of("pcs_acme"),
            "GET/tenants/other/x",
            Status.FORBIDDEN),
        Arguments.of(
            "a member with an unsafe tenant",
            Optional.of("pcs_unsafe"),
            "GET/tenants/x/y",
            Status.FORBIDDEN),
        Arguments.of(
            "a member on its profile",
            Optional.of("pcs_acme"),
            "PUT/users/alice/profile",
            Status.ALLOWED),
        Arguments.of(
            "a backend that cannot answer",
            Optional.of("pcs_outage"),
            "GET/orders/1",
            Status.FAILED));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("calls")
  void an_explanation_has_the_status_of_the_real_decision(
      String call, Optional<String> token, String route, Status expected) {
    // Arrange
    AuthorizeService service = service(token.filter("pcs_outage"::equals).isPresent());
    AuthorizationRequest request = new AuthorizationRequest(token, target(route));

    // Act
    Explanation explanation = new ExplainService(service).explain(request);

    // Assert: the same status and reason as the decision itself.
    assertThat(explanation.status()).isEqualTo(expected);
    assertThat(explanation.status()).isEqualTo(statusOf(service, request));
    if (expected != Status.FAILED) {
      assertThat(explanation.reason()).isEqualTo(service.authorize(request).reason());
    }
  }

  @Test
  void a_scoped_grant_is_explained_with_the_callers_values_filled_in() {
    // Arrange
    AuthorizationRequest request =
        new AuthorizationRequest(Optional.of("pcs_acme"), target("GET/tenants/acme/orders"));

    // Act
    Explanation explanation = new ExplainService(service(false)).explain(request);

    // Assert
    assertThat(explanation.grants())
        .containsExactly(
            new GrantCheck("*", "GET /health", Optional.empty(), false, Optional.empty()),
            new GrantCheck(
                "member",
                "GET /tenants/${tenant}/*",
                Optional.of("GET /tenants/acme/*"),
                true,
                Optional.empty()),
            new GrantCheck(
                "member",
                "PUT /users/${principalId}/profile",
                Optional.of("PUT /users/alice/profile"),
                false,
                Optional.empty()));
    assertThat(explanation.matchedResource()).contains(STAGE + "GET/tenants/acme/*");
    assertThat(explanation.identity().map(Identity::principalId)).contains("alice");
  }

  @Test
  void a_grant_whose_value_is_not_a_plain_segment_is_explained_as_dropped() {
    // Arrange
    AuthorizationRequest request =
        new AuthorizationRequest(Optional.of("pcs_unsafe"), target("GET/tenants/x/orders"));

    // Act
    Explanation explanation = new ExplainService(service(false)).explain(request);

    // Assert
    GrantCheck tenant = explanation.grants().get(1);
    assertThat(tenant.grant()).isEqualTo("GET /tenants/${tenant}/*");
    assertThat(tenant.coversRoute()).isFalse();
    assertThat(tenant.droppedBecause().orElseThrow()).contains("not a plain path segment");
    assertThat(explanation.policy().orElseThrow().toString()).doesNotContain("tenants");
    assertThat(explanation.matchedResource()).isEmpty();
  }

  @Test
  void each_backend_of_the_chain_is_told_with_what_it_did() {
    // Arrange
    AuthorizeService service =
        new AuthorizeService(
            List.of(
                FakeResolver.jwt("jwt"),
                FakeResolver.opaque("memory"),
                sessions("dynamodb"),
                FakeResolver.opaque("spare")),
            RULES,
            clock);

    // Act
    Explanation explanation =
        new ExplainService(service)
            .explain(new AuthorizationRequest(Optional.of("pcs_reader"), target("GET/orders/1")));

    // Assert
    assertThat(explanation.backends())
        .extracting(BackendStep::backend, BackendStep::outcome)
        .containsExactly(
            tuple("jwt", Outcome.NOT_ASKED),
            tuple("memory", Outcome.NOT_FOUND),
            tuple("dynamodb", Outcome.RESOLVED),
            tuple("spare", Outcome.NOT_REACHED));
  }

  @Test
  void a_backend_that_cannot_answer_is_explained_as_a_failure_with_its_cause() {
    // Act
    Explanation explanation =
        new ExplainService(service(true))
            .explain(new AuthorizationRequest(Optional.of("pcs_outage"), target("GET/orders/1")));

    // Assert
    assertThat(explanation.status()).isEqualTo(Status.FAILED);
    assertThat(explanation.reason()).isEqualTo("backend_unavailable");
    assertThat(explanation.backends())
        .containsExactly(new BackendStep("dynamodb", Outcome.CANNOT_ANSWER, "Timeout: read"));
    assertThat(explanation.toString()).doesNotContain("pcs_outage");
  }

  private AuthorizeService service(boolean outage) {
    FakeResolver sessions = sessions("dynamodb");
    if (outage) {
      sessions.failingWith(new BackendUnavailableException("dynamodb", "Timeout: read", null));
    }
    return new AuthorizeService(List.of(sessions), RULES, clock);
  }

  private static FakeResolver sessions(String name) {
    return FakeResolver.opaque(name)
        .answering("pcs_reader", resolved("bob", Set.of("reader"), Map.of()))
        .answering("pcs_acme", resolved("alice", Set.of("member"), Map.of("tenant", "acme")))
        .answering("pcs_unsafe", resolved("eve", Set.of("member"), Map.of("tenant", "..")))
        .answering("pcs_expired", new Resolution.Expired())
        .answering("pcs_revoked", new Resolution.Revoked())
        .answering("pcs_invalid", new Resolution.Invalid("bad_signature"));
  }

  private static Resolution resolved(
      String principal, Set<String> roles, Map<String, String> attributes) {
    return new Resolution.Resolved(
        new Identity(principal, roles, attributes, NOW.plusSeconds(3600), "dynamodb"));
  }

  /** What API Gateway answers for the real decision: a thrown failure is 500. */
  private static Status statusOf(AuthorizeService service, AuthorizationRequest request) {
    Decision decision;
    try {
      decision = service.authorize(request);
    } catch (BackendUnavailableException e) {
      return Status.FAILED;
    }
    if (decision instanceof Decision.Authenticated authenticated) {
      return authenticated.targetAllowed() ? Status.ALLOWED : Status.FORBIDDEN;
    }
    return Status.UNAUTHORIZED;
  }

  private static RouteTarget target(String route) {
    return RouteTarget.parse(STAGE + route);
  }
}
