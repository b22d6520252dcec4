package dev.portcullis.domain.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.domain.model.Credential;
import dev.portcullis.domain.model.Identity;
import dev.portcullis.domain.model.Resolution;
import dev.portcullis.domain.model.RouteTarget;
import dev.portcullis.domain.policy.Effect;
import dev.portcullis.domain.policy.PolicyBuilder;
import dev.portcullis.domain.policy.PolicyEvaluator;
import dev.portcullis.domain.policy.Statement;
import dev.portcullis.domain.port.in.AuthorizationRequest;
import dev.portcullis.domain.port.in.Decision;
import dev.portcullis.domain.port.out.BackendUnavailableException;
import dev.portcullis.domain.port.out.IdentityResolver;
import dev.portcullis.domain.rules.AccessRules;
import dev.portcullis.domain.testing.FakeResolver;
import dev.portcullis.domain.testing.MutableClock;
import dev.portcullis.domain.testing.Policies;
import java.time.Duration;
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
import org.junit.jupiter.params.provider.ValueSource;

/** Tests how a call is decided: the chain of backends, expiry, and the policy and context. */
class AuthorizeServiceTest {

  private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
  private static final String STAGE = "arn:aws:execute-api:us-east-1:123456789012:abcdef1234/prod/";
  private static final RouteTarget ORDER = RouteTarget.parse(STAGE + "GET/orders/42");
  private static final String TOKEN = "pcs_opaqueSessionToken";
  private static final String JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl";
  private static final AccessRules RULES =
      AccessRules.of(
          Map.of(
              "reader", List.of("GET /orders/*"),
              "chatter", List.of("$connect"),
              "*", List.of("GET /health")));

  private final MutableClock clock = MutableClock.at(NOW);

  @Test
  void a_call_without_a_credential_is_unauthenticated_and_asks_no_backend() {
    // Arrange
    FakeResolver memory = FakeResolver.opaque("memory");

    // Act
    Decision decision = service(memory).authorize(request(Optional.empty(), ORDER));

    // Assert
    assertThat(decision)
        .isEqualTo(
            new Decision.Unauthenticated("missing_credential", Optional.empty(), Optional.empty()));
    assertThat(memory.asked()).isEmpty();
  }

  @ParameterizedTest(name = "[{index}] \"{0}\"")
  @ValueSource(strings = {"", "two words", "tok\r\nen", "p\u0430ss", "tok\u200Ben"})
  void a_malformed_credential_is_unauthenticated_and_asks_no_backend(String raw) {
    // Arrange
    FakeResolver memory = FakeResolver.opaque("memory");

    // Act
    Decision decision = service(memory).authorize(request(Optional.of(raw), ORDER));

    // Assert
    assertThat(decision)
        .isEqualTo(
            new Decision.Unauthenticated(
                "malformed_credential", Optional.empty(), Optional.empty()));
    assertThat(memory.asked()).isEmpty();
  }

  @Test
  void a_credential_no_backend_knows_is_not_found_after_asking_every_backend() {
    // Arrange
    FakeResolver memory = FakeResolver.opaque("memory");
    FakeResolver dynamodb = FakeResolver.opaque("dynamodb");

    // Act
    Decision decision = service(memory, dynamodb).authorize(request(TOKEN));

    // Assert
    assertThat(decision)
        .isEqualTo(
            new Decision.Unauthenticated(
                "not_found", Optional.of(fingerprint(TOKEN)), Optional.empty()));
    assertThat(memory.asked()).containsExactly(TOKEN);
    assertThat(dynamodb.asked()).containsExactly(TOKEN);
  }

  @Test
  void the_first_backend_that_resolves_decides_and_later_ones_are_not_asked() {
    // Arrange
    FakeResolver memory = FakeResolver.opaque("memory");
    FakeResolver dynamodb =
        FakeResolver.opaque("dynamodb").answering(TOKEN, resolved(identity("bob", "dynamodb")));
    FakeResolver third =
        FakeResolver.opaque("third").answering(TOKEN, resolved(identity("mallory", "third")));

    // Act
    Decision decision = service(memory, dynamodb, third).authorize(request(TOKEN));

    // Assert
    assertThat(decision).isInstanceOf(Decision.Authenticated.class);
    assertThat(((Decision.Authenticated) decision).principalId()).isEqualTo("bob");
    assertThat(memory.asked()).containsExactly(TOKEN);
    assertThat(third.asked()).isEmpty();
  }

  static Stream<Arguments> negativeResolutions() {
    return Stream.of(
        Arguments.of(new Resolution.Expired(), "expired"),
        Arguments.of(new Resolution.Revoked(), "revoked"),
        Arguments.of(new Resolution.Invalid("bad_signature"), "bad_signature"));
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @MethodSource("negativeResolutions")
  void a_backend_that_knows_the_credential_and_says_no_stops_the_chain(
      Resolution answer, String reason) {
    // Arrange
    FakeResolver memory = FakeResolver.opaque("memory").answering(TOKEN, answer);
    FakeResolver dynamodb =
        FakeResolver.opaque("dynamodb").answering(TOKEN, resolved(identity("bob", "dynamodb")));

    // Act
    Decision decision = service(memory, dynamodb).authorize(request(TOKEN));

    // Assert
    assertThat(decision)
        .isEqualTo(
            new Decision.Unauthenticated(
                reason, Optional.of(fingerprint(TOKEN)), Optional.of("memory")));
    assertThat(dynamodb.asked()).isEmpty();
  }

  @Test
  void a_jwt_shaped_token_skips_the_session_backends() {
    // Arrange
    FakeResolver memory = FakeResolver.opaque("memory");
    FakeResolver jwt = FakeResolver.jwt("jwt").answering(JWT, resolved(identity("alice", "jwt")));

    // Act
    Decision decision = service(memory, jwt).authorize(request(JWT));

    // Assert
    assertThat(decision).isInstanceOf(Decision.Authenticated.class);
    assertThat(memory.asked()).isEmpty();
    assertThat(jwt.asked()).containsExactly(JWT);
  }

  @Test
  void a_jwt_shaped_token_without_a_jwt_backend_has_no_backend() {
    // Arrange
    FakeResolver memory = FakeResolver.opaque("memory");

    // Act
    Decision decision = service(memory).authorize(request(JWT));

    // Assert
    assertThat(decision)
        .isEqualTo(
            new Decision.Unauthenticated(
                "no_backend_for_credential", Optional.of(fingerprint(JWT)), Optional.empty()));
    assertThat(memory.asked()).isEmpty();
  }

  @Test
  void an_opaque_token_skips_the_jwt_backend() {
    // Arrange
    FakeResolver jwt = FakeResolver.jwt("jwt");
    FakeResolver memory =
        FakeResolver.opaque("memory").answering(TOKEN, resolved(identity("alice", "memory")));

    // Act
    Decision decision = service(jwt, memory).authorize(request(TOKEN));

    // Assert
    assertThat(decision).isInstanceOf(Decision.Authenticated.class);
    assertThat(jwt.asked()).isEmpty();
  }

  @Test
  void a_backend_that_cannot_answer_makes_authorize_throw_and_stops_the_chain() {
    // Arrange
    BackendUnavailableException outage =
        new BackendUnavailableException("dynamodb", "throttled", null);
    FakeResolver dynamodb = FakeResolver.opaque("dynamodb").failingWith(outage);
    FakeResolver memory =
        FakeResolver.opaque("memory").answering(TOKEN, resolved(identity("alice", "memory")));
    AuthorizeService service = service(dynamodb, memory);

    // Act and assert
    assertThatThrownBy(() -> service.authorize(request(TOKEN))).isSameAs(outage);
    assertThat(memory.asked()).isEmpty();
  }

  @Test
  void a_backend_that_fails_unexpectedly_makes_authorize_throw_too() {
    // Arrange
    FakeResolver broken =
        FakeResolver.opaque("memory").failingWith(new IllegalStateException("bug"));
    AuthorizeService service = service(broken);

    // Act and assert
    assertThatThrownBy(() -> service.authorize(request(TOKEN)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("bug");
  }

  @Test
  void a_backend_that_fails_after_an_earlier_one_found_nothing_still_makes_authorize_throw() {
    // Arrange
    FakeResolver memory = FakeResolver.opaque("memory");
    FakeResolver dynamodb =
        FakeResolver.opaque("dynamodb")
            .failingWith(new BackendUnavailableException("dynamodb", "timeout", null));
    AuthorizeService service = service(memory, dynamodb);

    // Act and assert
    assertThatThrownBy(() -> service.authorize(request(TOKEN)))
        .isInstanceOf(BackendUnavailableException.class);
  }

  @Test
  void an_identity_that_expired_by_the_time_it_came_back_is_unauthenticated() {
    // Arrange
    Identity expiring =
        new Identity("alice", Set.of("reader"), Map.of(), NOW.plusSeconds(5), "cache");
    FakeResolver memory = FakeResolver.opaque("memory").answering(TOKEN, resolved(expiring));
    clock.set(NOW.plusSeconds(5));

    // Act
    Decision decision = service(memory).authorize(request(TOKEN));

    // Assert
    assertThat(decision)
        .isEqualTo(
            new Decision.Unauthenticated(
                "expired", Optional.of(fingerprint(TOKEN)), Optional.of("cache")));
  }

  @Test
  void an_identity_one_instant_before_its_expiry_is_authenticated() {
    // Arrange
    Identity expiring =
        new Identity("alice", Set.of("reader"), Map.of(), NOW.plusSeconds(5), "memory");
    FakeResolver memory = FakeResolver.opaque("memory").answering(TOKEN, resolved(expiring));
    clock.set(NOW.plusSeconds(5).minusNanos(1));

    // Act and assert
    assertThat(service(memory).authorize(request(TOKEN)))
        .isInstanceOf(Decision.Authenticated.class);
  }

  @Test
  void an_authenticated_decision_carries_the_identity_context_fingerprint_and_policy() {
    // Arrange
    Identity alice =
        new Identity(
            "alice",
            Set.of("reader"),
            Map.of("tenant", "acme"),
            NOW.plus(Duration.ofHours(1)),
            "memory",
            Optional.of("usage-key"));
    FakeResolver memory = FakeResolver.opaque("memory").answering(TOKEN, resolved(alice));

    // Act
    Decision.Authenticated decision = authenticated(service(memory).authorize(request(TOKEN)));

    // Assert
    assertThat(decision.identity()).isEqualTo(alice);
    assertThat(decision.context()).isEqualTo(ContextBuilder.build(alice));
    assertThat(decision.context().values()).doesNotContain(TOKEN);
    assertThat(decision.fingerprint()).contains(fingerprint(TOKEN));
    assertThat(decision.usageIdentifierKey()).contains("usage-key");
    assertThat(decision.targetAllowed()).isTrue();
    assertThat(decision.reason()).isEqualTo("allowed");
    assertThat(decision.policy().statements())
        .containsExactly(
            Statement.invoke(Effect.Allow, List.of(STAGE + "GET/health", STAGE + "GET/orders/*")),
            Statement.invoke(Effect.Deny, PolicyBuilder.dotSegmentResources("aws")));
  }

  @Test
  void an_identity_whose_roles_grant_other_routes_only_is_authenticated_but_not_granted() {
    // Arrange
    FakeResolver memory =
        FakeResolver.opaque("memory").answering(TOKEN, resolved(identity("alice", "memory")));
    RouteTarget delete = RouteTarget.parse(STAGE + "DELETE/orders/42");

    // Act
    Decision.Authenticated decision =
        authenticated(service(memory).authorize(request(Optional.of(TOKEN), delete)));

    // Assert
    assertThat(decision.targetAllowed()).isFalse();
    assertThat(decision.reason()).isEqualTo("not_granted");
    assertThat(Policies.allowsAnything(decision.policy())).isTrue();
    assertThat(PolicyEvaluator.allows(decision.policy(), STAGE + "GET/orders/7")).isTrue();
  }

  @Test
  void an_identity_without_any_grant_gets_the_deny_on_the_called_stage() {
    // Arrange: rules without grants for the any role, and an identity without roles.
    AccessRules rules = AccessRules.of(Map.of("reader", List.of("GET /orders/*")));
    Identity nobody = new Identity("nobody", Set.of(), Map.of(), NOW.plusSeconds(60), "memory");
    FakeResolver memory = FakeResolver.opaque("memory").answering(TOKEN, resolved(nobody));
    RouteTarget connect = RouteTarget.parse(STAGE + "$connect");

    // Act
    Decision.Authenticated decision =
        authenticated(
            new AuthorizeService(List.of(memory), rules, clock)
                .authorize(request(Optional.of(TOKEN), connect)));

    // Assert
    assertThat(decision.targetAllowed()).isFalse();
    assertThat(decision.reason()).isEqualTo("not_granted");
    assertThat(decision.policy().statements())
        .containsExactly(Statement.invoke(Effect.Deny, List.of(STAGE + "*")));
  }

  @Test
  void a_websocket_call_gets_the_same_policy_as_an_http_call_of_the_same_stage() {
    // Arrange: a reader holds HTTP grants only.
    FakeResolver memory =
        FakeResolver.opaque("memory").answering(TOKEN, resolved(identity("alice", "memory")));
    RouteTarget connect = RouteTarget.parse(STAGE + "$connect");

    // Act
    Decision.Authenticated onConnect =
        authenticated(service(memory).authorize(request(Optional.of(TOKEN), connect)));
    Decision.Authenticated onOrder =
        authenticated(service(memory).authorize(request(Optional.of(TOKEN), ORDER)));

    // Assert
    assertThat(onConnect.policy()).isEqualTo(onOrder.policy());
    assertThat(onConnect.targetAllowed()).isFalse();
    assertThat(onOrder.targetAllowed()).isTrue();
  }

  @Test
  void the_any_role_grants_its_routes_to_an_identity_without_roles() {
    // Arrange
    Identity nobody = new Identity("nobody", Set.of(), Map.of(), NOW.plusSeconds(60), "memory");
    FakeResolver memory = FakeResolver.opaque("memory").answering(TOKEN, resolved(nobody));
    RouteTarget health = RouteTarget.parse(STAGE + "GET/health");

    // Act
    Decision.Authenticated decision =
        authenticated(service(memory).authorize(request(Optional.of(TOKEN), health)));

    // Assert
    assertThat(decision.targetAllowed()).isTrue();
  }

  @Test
  void one_service_answers_each_call_of_a_sequence_as_a_fresh_service_would() {
    // Arrange: two identities and targets on two stages, both kinds of route, asked in turn of
    // one service, whose policies are kept between calls.
    String otherStage = "arn:aws-cn:execute-api:cn-north-1:210987654321:zyx987/test/";
    Identity reader = identity("alice", "memory");
    Identity chatter =
        new Identity("bob", Set.of("chatter"), Map.of(), NOW.plus(Duration.ofHours(1)), "memory");
    FakeResolver memory =
        FakeResolver.opaque("memory")
            .answering(TOKEN, resolved(reader))
            .answering("pcs_chatterToken", resolved(chatter));
    AuthorizeService shared = service(memory);
    List<RouteTarget> targets =
        List.of(
            ORDER,
            RouteTarget.parse(STAGE + "DELETE/orders/42"),
            RouteTarget.parse(STAGE + "$connect"),
            RouteTarget.parse(otherStage + "GET/orders/7"),
            RouteTarget.parse(otherStage + "$connect"),
            RouteTarget.parse(STAGE + "GET/health"));

    for (int pass = 0; pass < 2; pass++) {
      for (String token : List.of(TOKEN, "pcs_chatterToken")) {
        for (RouteTarget target : targets) {
          // Act
          Decision.Authenticated cached =
              authenticated(shared.authorize(request(Optional.of(token), target)));
          Decision.Authenticated fresh =
              authenticated(service(memory).authorize(request(Optional.of(token), target)));

          // Assert
          assertThat(cached).as("%s on %s", token, target.arn()).isEqualTo(fresh);
          assertThat(cached.policy().statements().get(0).resources())
              .allSatisfy(r -> assertThat(r).startsWith(target.apiPrefix()));
        }
      }
    }
  }

  @Test
  void an_empty_chain_is_refused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new AuthorizeService(List.of(), RULES, clock))
        .withMessageContaining("must not be empty");
  }

  private AuthorizeService service(IdentityResolver... chain) {
    return new AuthorizeService(List.of(chain), RULES, clock);
  }

  private static AuthorizationRequest request(String token) {
    return request(Optional.of(token), ORDER);
  }

  private static AuthorizationRequest request(Optional<String> token, RouteTarget target) {
    return new AuthorizationRequest(token, target);
  }

  private static Decision.Authenticated authenticated(Decision decision) {
    assertThat(decision).isInstanceOf(Decision.Authenticated.class);
    return (Decision.Authenticated) decision;
  }

  private static Identity identity(String principalId, String backend) {
    return new Identity(
        principalId, Set.of("reader"), Map.of(), NOW.plus(Duration.ofHours(1)), backend);
  }

  private static Resolution resolved(Identity identity) {
    return new Resolution.Resolved(identity);
  }

  private static dev.portcullis.domain.model.Fingerprint fingerprint(String token) {
    return Credential.parse(token).orElseThrow().fingerprint();
  }
}
