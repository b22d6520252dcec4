package dev.portcullis.domain.port.in;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.portcullis.domain.model.Identity;
import dev.portcullis.domain.model.RouteTarget;
import dev.portcullis.domain.policy.PolicyDocument;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Tests the values that cross the incoming ports. */
class PortValuesTest {

  private static final RouteTarget TARGET =
      RouteTarget.parse("arn:aws:execute-api:us-east-1:123456789012:abcdef1234/prod/GET/x");

  @Test
  void an_authorization_request_never_shows_its_credential() {
    AuthorizationRequest request = new AuthorizationRequest(Optional.of("pcs_secretValue"), TARGET);

    assertThat(request.toString())
        .doesNotContain("pcs_secretValue")
        .contains("credential=redacted")
        .contains(TARGET.arn());
  }

  @Test
  void an_authorization_request_says_when_the_credential_is_absent() {
    assertThat(new AuthorizationRequest(Optional.empty(), TARGET).toString())
        .contains("credential=absent");
  }

  @Test
  void a_time_to_live_must_be_positive() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> command(Duration.ZERO))
        .withMessageContaining("timeToLive must be positive");
    assertThatIllegalArgumentException().isThrownBy(() -> command(Duration.ofSeconds(-1)));
  }

  @Test
  void an_authenticated_decision_keeps_a_copy_of_the_context_in_its_order() {
    // Arrange
    Map<String, Object> context = new java.util.LinkedHashMap<>();
    context.put("principalId", "alice");
    context.put("roles", "");
    Identity alice =
        new Identity("alice", Set.of(), Map.of(), Instant.parse("2030-01-01T00:00:00Z"), "memory");
    Decision.Authenticated decision =
        new Decision.Authenticated(
            alice, new PolicyDocument(java.util.List.of()), context, true, Optional.empty());

    // Act
    context.put("injected", "later");

    // Assert
    assertThat(decision.context().keySet()).containsExactly("principalId", "roles");
  }

  private static IssueSessionCommand command(Duration ttl) {
    return new IssueSessionCommand("alice", Set.of(), new HashMap<>(), ttl, Optional.empty());
  }
}
