package dev.portcullis.adapters.jwt;

import dev.portcullis.adapters.jwt.JwtSettings.ContextClaim;
import dev.portcullis.adapters.jwt.JwtSettings.TrustedIssuer;
import dev.portcullis.domain.model.Credential;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Settings and resolvers for tests: one issuer whose JWKS a {@link JwksServer} publishes. Tests
 * name a setting by the variable that sets it in production; the composition root's reader, which
 * checks those variables, has its own tests.
 */
final class Fixture {

  private Fixture() {}

  /** The variables for one issuer served by {@code server}, RS256 and ES256 allowed, plus more. */
  static Map<String, String> env(JwksServer server, String... moreNamesAndValues) {
    Map<String, String> env = new HashMap<>();
    env.put("PORTCULLIS_JWT_ISSUER", Tokens.ISSUER);
    env.put("PORTCULLIS_JWT_JWKS_URL", server.url().toString());
    env.put("PORTCULLIS_JWT_AUDIENCE", Tokens.AUDIENCE);
    env.put("PORTCULLIS_JWT_ALGORITHMS", "RS256,ES256");
    for (int i = 0; i < moreNamesAndValues.length; i += 2) {
      env.put(moreNamesAndValues[i], moreNamesAndValues[i + 1]);
    }
    return env;
  }

  /** The settings those variables stand for, from well-formed test values. */
  static JwtSettings settings(Map<String, String> env) {
    List<String> issuers = list(env, "PORTCULLIS_JWT_ISSUER", "");
    List<String> urls = list(env, "PORTCULLIS_JWT_JWKS_URL", "");
    List<String> files = list(env, "PORTCULLIS_JWT_JWKS_FILE", "");
    List<TrustedIssuer> trusted = new ArrayList<>();
    for (int i = 0; i < issuers.size(); i++) {
      String file = i < files.size() ? files.get(i) : "";
      trusted.add(
          new TrustedIssuer(
              issuers.get(i),
              URI.create(urls.get(i)),
              file.isEmpty() ? Optional.empty() : Optional.of(Path.of(file))));
    }
    List<ContextClaim> contextClaims = new ArrayList<>();
    for (String entry : list(env, "PORTCULLIS_JWT_CONTEXT_CLAIMS", "")) {
      if (!entry.isEmpty()) {
        int equals = entry.indexOf('=');
        contextClaims.add(
            equals < 0
                ? new ContextClaim(entry, entry)
                : new ContextClaim(entry.substring(0, equals), entry.substring(equals + 1)));
      }
    }
    return new JwtSettings(
        trusted,
        list(env, "PORTCULLIS_JWT_AUDIENCE", ""),
        env.getOrDefault("PORTCULLIS_JWT_AUDIENCE_CLAIM", JwtSettings.DEFAULT_AUDIENCE_CLAIM),
        list(env, "PORTCULLIS_JWT_ALGORITHMS", "RS256"),
        list(env, "PORTCULLIS_JWT_ROLES_CLAIM", JwtSettings.DEFAULT_ROLES_CLAIM),
        env.getOrDefault("PORTCULLIS_JWT_PRINCIPAL_CLAIM", JwtSettings.DEFAULT_PRINCIPAL_CLAIM),
        Duration.ofSeconds(number(env, "PORTCULLIS_JWT_LEEWAY_SECONDS", 0)),
        Optional.ofNullable(env.get("PORTCULLIS_JWT_TOKEN_USE")),
        contextClaims,
        Duration.ofMillis(
            number(
                env,
                "PORTCULLIS_JWT_JWKS_TIMEOUT_MS",
                JwtSettings.DEFAULT_JWKS_TIMEOUT.toMillis())),
        Duration.ofSeconds(
            number(
                env,
                "PORTCULLIS_JWT_JWKS_MIN_REFETCH_SECONDS",
                JwtSettings.DEFAULT_MIN_REFETCH_INTERVAL.toSeconds())),
        Duration.ofSeconds(
            number(
                env,
                "PORTCULLIS_JWT_JWKS_MAX_AGE_SECONDS",
                JwtSettings.DEFAULT_JWKS_MAX_AGE.toSeconds())));
  }

  static JwtIdentityResolver resolver(Map<String, String> env, Clock clock) {
    return JwtIdentityResolver.create(settings(env), clock);
  }

  static Credential credential(String token) {
    return Credential.parse(token).orElseThrow(() -> new AssertionError("not a credential"));
  }

  private static List<String> list(Map<String, String> env, String name, String fallback) {
    return Arrays.stream(env.getOrDefault(name, fallback).split(",", -1))
        .map(String::trim)
        .toList();
  }

  private static long number(Map<String, String> env, String name, long fallback) {
    String raw = env.get(name);
    return raw == null ? fallback : Long.parseLong(raw);
  }
}
