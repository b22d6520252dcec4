package dev.portcullis.adapters.jwt;

import static dev.portcullis.adapters.jwt.Fixture.credential;
import static dev.portcullis.adapters.jwt.Fixture.env;
import static dev.portcullis.adapters.jwt.Fixture.resolver;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWKSet;
import dev.portcullis.domain.model.Resolution;
import dev.portcullis.domain.port.out.BackendUnavailableException;
import dev.portcullis.domain.testing.MutableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the JWKS is fetched, cached, rate-limited and relied on during an outage. */
class JwksCacheTest {

  private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

  private final MutableClock clock = MutableClock.at(NOW);
  private final JwksServer server = JwksServer.serving(TestKeys.RSA);

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void theJwksIsFetchedOnFirstUseAndThenServedFromTheCache() {
    JwtIdentityResolver resolver = resolver(env(server), clock);

    for (int i = 0; i < 5; i++) {
      assertThat(resolver.resolve(credential(valid("alice" + i))))
          .isInstanceOf(Resolution.Resolved.class);
    }

    assertThat(server.requests()).isEqualTo(1);
  }

  @Test
  void aRotatedKeyIsFetchedExactlyOnceMoreAndThenCached() {
    JwtIdentityResolver resolver = resolver(env(server), clock);
    resolver.resolve(credential(valid("alice")));
    server.publish(TestKeys.RSA, TestKeys.RSA_NEXT);
    clock.advance(Duration.ofSeconds(10));
    String rotated = Tokens.sign(TestKeys.RSA_NEXT, Tokens.claims(clock.instant()).build());

    Resolution first = resolver.resolve(credential(rotated));
    Resolution second = resolver.resolve(credential(rotated));
    Resolution old = resolver.resolve(credential(valid("bob")));

    assertThat(List.of(first, second, old)).allMatch(r -> r instanceof Resolution.Resolved);
    assertThat(server.requests()).isEqualTo(2);
  }

  @Test
  void fiftyUnknownKeyIdsInOneWindowCauseAtMostOneFetchAndTheNextWindowAllowsOneMore() {
    JwtIdentityResolver resolver = resolver(env(server), clock);
    resolver.resolve(credential(valid("alice")));
    clock.advance(Duration.ofSeconds(10));

    for (int i = 0; i < 50; i++) {
      assertThat(resolver.resolve(credential(withKid(UUID.randomUUID().toString()))))
          .isEqualTo(new Resolution.Invalid(JwtReason.UNKNOWN_KID));
      clock.advance(Duration.ofMillis(100));
    }
    int afterFlood = server.requests();
    clock.advance(Duration.ofSeconds(10));
    resolver.resolve(credential(withKid(UUID.randomUUID().toString())));
    resolver.resolve(credential(withKid(UUID.randomUUID().toString())));

    assertThat(afterFlood).isEqualTo(2);
    assertThat(server.requests()).isEqualTo(3);
  }

  @Test
  void anUnknownKeyIdRightAfterAFetchWaitsForTheWindowAndIsUnknownMeanwhile() {
    JwtIdentityResolver resolver = resolver(env(server), clock);
    resolver.resolve(credential(valid("alice")));
    server.publish(TestKeys.RSA, TestKeys.RSA_NEXT);
    String rotated = Tokens.sign(TestKeys.RSA_NEXT, Tokens.claims(NOW).build());

    Resolution tooSoon = resolver.resolve(credential(rotated));
    clock.advance(Duration.ofSeconds(10));
    Resolution later = resolver.resolve(credential(rotated));

    assertThat(tooSoon).isEqualTo(new Resolution.Invalid(JwtReason.UNKNOWN_KID));
    assertThat(later).isInstanceOf(Resolution.Resolved.class);
  }

  @Test
  void cachedKeysKeepWorkingWhileTheEndpointIsDownEvenPastTheirMaximumAge() {
    JwtIdentityResolver resolver = resolver(env(server), clock);
    resolver.resolve(credential(valid("alice")));
    server.answer(JwksServer.Mode.FAIL_503);
    clock.advance(Duration.ofMinutes(16));

    Resolution resolution = resolver.resolve(credential(valid("bob")));
    awaitRefresh(resolver);
    Resolution afterTheFailedRefresh = resolver.resolve(credential(valid("carol")));

    assertThat(List.of(resolution, afterTheFailedRefresh))
        .allMatch(r -> r instanceof Resolution.Resolved);
    assertThat(server.requests()).isEqualTo(2);
  }

  @Test
  void withNoCachedKeyAnUnreachableEndpointMeansTheBackendCannotAnswer() {
    JwtIdentityResolver resolver = resolver(env(server), clock);
    server.close();

    assertThatThrownBy(() -> resolver.resolve(credential(valid("alice"))))
        .isInstanceOf(BackendUnavailableException.class)
        .hasMessageContaining("'jwt' cannot answer")
        .hasMessageNotContaining(valid("alice"));
  }

  @Test
  void withNoCachedKeyAnErrorStatusOrAnswerThatIsNoJwksMeansTheBackendCannotAnswer() {
    server.answer(JwksServer.Mode.FAIL_503);
    JwtIdentityResolver failing = resolver(env(server), clock);
    assertThatThrownBy(() -> failing.resolve(credential(valid("alice"))))
        .isInstanceOf(BackendUnavailableException.class);

    server.answer(JwksServer.Mode.NOT_JSON);
    JwtIdentityResolver garbled = resolver(env(server), clock);
    assertThatThrownBy(() -> garbled.resolve(credential(valid("alice"))))
        .isInstanceOf(BackendUnavailableException.class);
  }

  @Test
  void aFailedFetchNamesItsCauseAndTheJwksUrlInOneLine() {
    String url = server.url().toString();

    server.answer(JwksServer.Mode.FAIL_503);
    BackendUnavailableException status = failure(resolver(env(server), clock));
    server.answer(JwksServer.Mode.NOT_JSON);
    BackendUnavailableException garbled = failure(resolver(env(server), clock));
    server.answer(JwksServer.Mode.HANG);
    BackendUnavailableException slow =
        failure(resolver(env(server, "PORTCULLIS_JWT_JWKS_TIMEOUT_MS", "200"), clock));
    JwtIdentityResolver beforeTheServerCloses = resolver(env(server), clock);
    server.close();
    BackendUnavailableException refused = failure(beforeTheServerCloses);

    assertThat(status.causeSummary()).isEqualTo("HttpError 503: JWKS " + url);
    assertThat(garbled.causeSummary()).isEqualTo("MalformedJwks: JWKS " + url);
    assertThat(slow.causeSummary()).isEqualTo("Timeout: JWKS " + url);
    assertThat(refused.causeSummary()).isEqualTo("ConnectionRefused: JWKS " + url);
    assertThat(refused)
        .hasMessageEndingWith("could not be fetched (ConnectionRefused: JWKS " + url + ")");
  }

  @Test
  void aFetchThatTimesOutMeansTheBackendCannotAnswerWithinTheTimeout() {
    server.answer(JwksServer.Mode.HANG);
    JwtIdentityResolver resolver =
        resolver(env(server, "PORTCULLIS_JWT_JWKS_TIMEOUT_MS", "200"), clock);
    long start = System.nanoTime();

    assertThatThrownBy(() -> resolver.resolve(credential(valid("alice"))))
        .isInstanceOf(BackendUnavailableException.class);

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
  }

  @Test
  void afterAFailedFetchAnUnknownKeyIdStillCannotBeAnsweredUntilTheNextAttempt() {
    JwtIdentityResolver resolver = resolver(env(server), clock);
    resolver.resolve(credential(valid("alice")));
    server.answer(JwksServer.Mode.FAIL_503);
    clock.advance(Duration.ofSeconds(10));
    String rotated = Tokens.sign(TestKeys.RSA_NEXT, Tokens.claims(clock.instant()).build());

    assertThatThrownBy(() -> resolver.resolve(credential(rotated)))
        .isInstanceOf(BackendUnavailableException.class);
    assertThatThrownBy(() -> resolver.resolve(credential(rotated)))
        .isInstanceOf(BackendUnavailableException.class);
    assertThat(server.requests()).isEqualTo(2);

    server.answer(JwksServer.Mode.SERVE).publish(TestKeys.RSA, TestKeys.RSA_NEXT);
    clock.advance(Duration.ofSeconds(10));
    assertThat(resolver.resolve(credential(rotated))).isInstanceOf(Resolution.Resolved.class);
  }

  @Test
  void aPrefetchedJwksFileResolvesWithZeroFetches(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("jwks.json");
    Files.writeString(file, new JWKSet(TestKeys.RSA).toPublicJWKSet().toString());
    JwtIdentityResolver resolver =
        resolver(env(server, "PORTCULLIS_JWT_JWKS_FILE", file.toString()), clock);

    for (int i = 0; i < 3; i++) {
      assertThat(resolver.resolve(credential(valid("alice" + i))))
          .isInstanceOf(Resolution.Resolved.class);
    }

    assertThat(server.requests()).isZero();
  }

  @Test
  void primingFetchesNothingAndChangesNoOutcome(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("jwks.json");
    Files.writeString(
        file, new JWKSet(List.of(TestKeys.RSA, TestKeys.EC)).toPublicJWKSet().toString());
    JwtIdentityResolver fromFile =
        resolver(env(server, "PORTCULLIS_JWT_JWKS_FILE", file.toString()), clock);
    JwtIdentityResolver fromUrl = resolver(env(server), clock);

    fromFile.prime();
    fromUrl.prime();

    assertThat(server.requests()).isZero();
    assertThat(fromFile.resolve(credential(valid("alice"))))
        .isInstanceOf(Resolution.Resolved.class);
    assertThat(server.requests()).isZero();
  }

  @Test
  void keysOlderThanTheMaximumAgeAreRefreshedAndAWithdrawnKeyStopsBeingTrusted() {
    JwtIdentityResolver resolver =
        resolver(env(server, "PORTCULLIS_JWT_JWKS_MAX_AGE_SECONDS", "300"), clock);
    resolver.resolve(credential(valid("alice")));
    server.publish(TestKeys.RSA_NEXT);
    clock.advance(Duration.ofMinutes(5));

    // The call that finds the keys stale is answered with them while they are refreshed.
    Resolution stale = resolver.resolve(credential(valid("bob")));
    awaitRefresh(resolver);
    Resolution refreshed = resolver.resolve(credential(valid("carol")));

    assertThat(stale).isInstanceOf(Resolution.Resolved.class);
    assertThat(refreshed).isEqualTo(new Resolution.Invalid(JwtReason.UNKNOWN_KID));
    assertThat(server.requests()).isEqualTo(2);
  }

  @Test
  void aMaximumAgeOfZeroKeepsKnownKeysWithoutRefreshing() {
    JwtIdentityResolver resolver =
        resolver(env(server, "PORTCULLIS_JWT_JWKS_MAX_AGE_SECONDS", "0"), clock);
    resolver.resolve(credential(valid("alice")));
    clock.advance(Duration.ofDays(2));

    resolver.resolve(credential(Tokens.sign(TestKeys.RSA, Tokens.claims(clock.instant()).build())));

    assertThat(server.requests()).isEqualTo(1);
  }

  @Test
  void eachIssuerIsFetchedFromItsOwnUrlOnly() {
    try (JwksServer other = JwksServer.serving(TestKeys.OTHER_ISSUER_RSA)) {
      String otherIssuer = "https://other.example.com/";
      JwtIdentityResolver resolver =
          resolver(
              env(
                  server,
                  "PORTCULLIS_JWT_ISSUER",
                  Tokens.ISSUER + "," + otherIssuer,
                  "PORTCULLIS_JWT_JWKS_URL",
                  server.url() + "," + other.url()),
              clock);
      String fromOther =
          Tokens.sign(TestKeys.OTHER_ISSUER_RSA, Tokens.claims(NOW).issuer(otherIssuer).build());

      assertThat(resolver.resolve(credential(fromOther))).isInstanceOf(Resolution.Resolved.class);
      assertThat(resolver.resolve(credential(valid("alice"))))
          .isInstanceOf(Resolution.Resolved.class);
      assertThat(Map.of("first", server.requests(), "other", other.requests()))
          .isEqualTo(Map.of("first", 1, "other", 1));
    }
  }

  /** What resolving a valid token fails with, when its key cannot be had. */
  private BackendUnavailableException failure(JwtIdentityResolver resolver) {
    return catchThrowableOfType(
        BackendUnavailableException.class, () -> resolver.resolve(credential(valid("alice"))));
  }

  /** Waits for the refresh a stale key started in the background, if one is running. */
  private static void awaitRefresh(JwtIdentityResolver resolver) {
    resolver.keys().refreshInFlight(Tokens.ISSUER).ifPresent(CompletableFuture::join);
  }

  private String valid(String subject) {
    return Tokens.sign(TestKeys.RSA, Tokens.claims(NOW).subject(subject).build());
  }

  private String withKid(String kid) {
    return Tokens.sign(
        new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(),
        TestKeys.RSA,
        Tokens.claims(NOW).build());
  }
}
