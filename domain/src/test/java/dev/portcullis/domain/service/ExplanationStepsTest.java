package dev.portcullis.domain.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.portcullis.domain.model.Identity;
import dev.portcullis.domain.model.Resolution;
import dev.portcullis.domain.model.RouteTarget;
import dev.portcullis.domain.port.in.AuthorizationRequest;
import dev.portcullis.domain.port.in.Explanation;
import dev.portcullis.domain.port.in.Explanation.BackendStep;
import dev.portcullis.domain.port.in.Explanation.BackendStep.Outcome;
import dev.portcullis.domain.port.in.Explanation.Status;
import dev.portcullis.domain.port.out.BackendUnavailableException;
import dev.portcullis.domain.port.out.IdentityResolver;
import dev.portcullis.domain.rules.AccessRules;
import dev.portcullis.domain.testing.FakeResolver;
import dev.portcullis.domain.testing.MutableClock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Tests what an explanation says of each backend, and which resource of the policy decided. */
class ExplanationStepsTest {

  private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
  private static final String STAGE = "arn:aws:execute-api:us-east-1:123456789012:abcdef1234/prod/";
  private static final AccessRules RULES =
      AccessRules.of(Map.of("reader", List.of("GET /orders/*")));

  private final MutableClock clock = MutableClock.at(NOW);

  @ParameterizedTest(name = "{0} is told as {1}")
  @CsvSource({
    "pcs_reader, RESOLVED",
    "pcs_expired, EXPIRED",
    "pcs_revoked, REVOKED",
    "pcs_invalid, INVALID"
  })
  void the_backend_that_answered_is_told_with_its_answer_and_the_next_one_as_not_reached(
      String token, Outcome outcome) {
    // Arrange
    FakeResolver sessions =
        reader()
            .answering("pcs_expired", new Resolution.Expired())
            .answering("pcs_revoked", new Resolution.Revoked())
            .answering("pcs_invalid", new Resolution.Invalid("bad_signature"));

    // Act
    Explanation explanation = explain(token, sessions, FakeResolver.opaque("spare"));

    // Assert
    assertThat(explanation.backends())
        .extracting(BackendStep::backend, BackendStep::outcome)
        .containsExactly(tuple("sessions", outcome), tuple("spare", Outcome.NOT_REACHED));
  }

  @Test
  void the_backends_after_one_that_cannot_answer_are_told_as_not_reached() {
    // Arrange
    FakeResolver failing =
        FakeResolver.opaque("dynamodb")
            .failingWith(new BackendUnavailableException("dynamodb", "Timeout: read", null));

    // Act
    Explanation explanation = explain("pcs_x", failing, FakeResolver.opaque("spare"));

    // Assert
    assertThat(explanation.status()).isEqualTo(Status.FAILED);
    assertThat(explanation.backends())
        .extracting(BackendStep::backend, BackendStep::outcome)
        .containsExactly(
            tuple("dynamodb", Outcome.CANNOT_ANSWER), tuple("spare", Outcome.NOT_REACHED));
  }

  @Test
  void a_route_refused_by_the_policys_deny_is_explained_by_that_deny_resource() {
    // Arrange: a dot segment lies under the granted /orders/*, and the policy's Deny refuses it.
    FakeResolver sessions = reader();

    // Act
    Explanation explanation =
        new ExplainService(new AuthorizeService(List.of(sessions), RULES, clock))
            .explain(
                new AuthorizationRequest(
                    Optional.of("pcs_reader"), RouteTarget.parse(STAGE + "GET/orders/../admin")));

    // Assert
    assertThat(explanation.status()).isEqualTo(Status.FORBIDDEN);
    String denied = explanation.matchedResource().orElseThrow();
    assertThat(explanation.policy().orElseThrow().statements())
        .anySatisfy(
            statement -> {
              assertThat(statement.effect().name()).isEqualTo("Deny");
              assertThat(statement.resources()).contains(denied);
            });
  }

  /** A sessions backend that knows one reader, bob. */
  private static FakeResolver reader() {
    return FakeResolver.opaque("sessions")
        .answering(
            "pcs_reader",
            new Resolution.Resolved(
                new Identity("bob", Set.of("reader"), Map.of(), NOW.plusSeconds(60), "sessions")));
  }

  private Explanation explain(String token, IdentityResolver... chain) {
    AuthorizeService service = new AuthorizeService(List.of(chain), RULES, clock);
    return new ExplainService(service)
        .explain(
            new AuthorizationRequest(
                Optional.of(token), RouteTarget.parse(STAGE + "GET/orders/1")));
  }
}
