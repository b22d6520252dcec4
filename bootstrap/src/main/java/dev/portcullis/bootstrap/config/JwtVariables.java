package dev.portcullis.bootstrap.config;

import dev.portcullis.adapters.jwt.JwtSettings;
import dev.portcullis.adapters.jwt.JwtSettings.ContextClaim;
import dev.portcullis.adapters.jwt.JwtSettings.TrustedIssuer;
import dev.portcullis.domain.service.ContextBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Reads the {@code PORTCULLIS_JWT_*} variables into the JWT backend's {@link JwtSettings}. */
final class JwtVariables {

  /** Every variable of the JWT backend; docs/jwt.md describes each. */
  static final Set<String> NAMES =
      Set.of(
          "PORTCULLIS_JWT_ISSUER",
          "PORTCULLIS_JWT_JWKS_URL",
          "PORTCULLIS_JWT_JWKS_FILE",
          "PORTCULLIS_JWT_AUDIENCE",
          "PORTCULLIS_JWT_AUDIENCE_CLAIM",
          "PORTCULLIS_JWT_ALGORITHMS",
          "PORTCULLIS_JWT_ROLES_CLAIM",
          "PORTCULLIS_JWT_PRINCIPAL_CLAIM",
          "PORTCULLIS_JWT_LEEWAY_SECONDS",
          "PORTCULLIS_JWT_TOKEN_USE",
          "PORTCULLIS_JWT_CONTEXT_CLAIMS",
          "PORTCULLIS_JWT_JWKS_TIMEOUT_MS",
          "PORTCULLIS_JWT_JWKS_MIN_REFETCH_SECONDS",
          "PORTCULLIS_JWT_JWKS_MAX_AGE_SECONDS");

  private final SettingsReader env;

  JwtVariables(SettingsReader env) {
    this.env = env;
  }

  /** The settings, or empty when a problem was found: the reader then holds every one. */
  Optional<JwtSettings> read() {
    int before = env.problems().size();
    List<TrustedIssuer> issuers = new JwtIssuerVariables(env).read();
    List<String> audiences = env.list("PORTCULLIS_JWT_AUDIENCE").orElse(List.of());
    if (!env.isSet("PORTCULLIS_JWT_AUDIENCE")) {
      env.problem(
          "PORTCULLIS_JWT_AUDIENCE is not set: the jwt backend needs the accepted audience(s),"
              + " comma-separated, e.g. your API identifier or app client id");
    }
    String audienceClaim =
        claimName("PORTCULLIS_JWT_AUDIENCE_CLAIM", JwtSettings.DEFAULT_AUDIENCE_CLAIM);
    List<String> algorithms = algorithms();
    List<String> rolesClaims =
        env.list("PORTCULLIS_JWT_ROLES_CLAIM").orElse(List.of(JwtSettings.DEFAULT_ROLES_CLAIM));
    String principalClaim =
        claimName("PORTCULLIS_JWT_PRINCIPAL_CLAIM", JwtSettings.DEFAULT_PRINCIPAL_CLAIM);
    Duration leeway =
        Duration.ofSeconds(
            env.integer(
                "PORTCULLIS_JWT_LEEWAY_SECONDS", 0, 0, (int) JwtSettings.MAX_LEEWAY.toSeconds()));
    Optional<String> tokenUse = tokenUse();
    List<ContextClaim> contextClaims = contextClaims();
    Duration timeout =
        Duration.ofMillis(
            env.integer(
                "PORTCULLIS_JWT_JWKS_TIMEOUT_MS",
                (int) JwtSettings.DEFAULT_JWKS_TIMEOUT.toMillis(),
                50,
                10_000));
    Duration minRefetch =
        Duration.ofSeconds(
            env.integer(
                "PORTCULLIS_JWT_JWKS_MIN_REFETCH_SECONDS",
                (int) JwtSettings.DEFAULT_MIN_REFETCH_INTERVAL.toSeconds(),
                1,
                3600));
    Duration maxAge = maxAge();
    if (env.problems().size() > before) {
      return Optional.empty();
    }
    return Optional.of(
        new JwtSettings(
            issuers,
            audiences,
            audienceClaim,
            algorithms,
            rolesClaims,
            principalClaim,
            leeway,
            tokenUse,
            contextClaims,
            timeout,
            minRefetch,
            maxAge));
  }

  private List<String> algorithms() {
    List<String> names =
        env.list("PORTCULLIS_JWT_ALGORITHMS").orElse(JwtSettings.DEFAULT_ALGORITHMS);
    String supported = String.join(",", JwtSettings.SUPPORTED_ALGORITHMS);
    List<String> accepted = new ArrayList<>();
    for (String name : names) {
      String upper = name.toUpperCase(Locale.ROOT);
      if (JwtSettings.SUPPORTED_ALGORITHMS.contains(name)) {
        if (!accepted.contains(name)) {
          accepted.add(name);
        }
      } else if (upper.startsWith("HS")) {
        env.problem(
            "PORTCULLIS_JWT_ALGORITHMS names "
                + name
                + ": HMAC algorithms are refused, since Portcullis verifies with the issuer's"
                + " public keys only; use one or more of "
                + supported);
      } else if (upper.equals("NONE")) {
        env.problem(
            "PORTCULLIS_JWT_ALGORITHMS names none: unsigned tokens are never accepted; use one or"
                + " more of "
                + supported);
      } else if (upper.equals("EDDSA") || upper.equals("ED25519")) {
        env.problem(
            "PORTCULLIS_JWT_ALGORITHMS names "
                + name
                + ": EdDSA needs Google Tink, which Portcullis does not ship; use one or more of "
                + supported);
      } else {
        env.problem(
            "PORTCULLIS_JWT_ALGORITHMS names unknown algorithm '"
                + name
                + "': use one or more of "
                + supported
                + " (upper case)");
      }
    }
    return accepted.isEmpty() ? JwtSettings.DEFAULT_ALGORITHMS : accepted;
  }

  private Optional<String> tokenUse() {
    Optional<String> raw = env.string("PORTCULLIS_JWT_TOKEN_USE");
    if (raw.isPresent() && !JwtSettings.TOKEN_USES.contains(raw.get())) {
      env.problem(
          "PORTCULLIS_JWT_TOKEN_USE has an invalid value: use access or id (Cognito's token_use),"
              + " or unset it");
      return Optional.empty();
    }
    return raw;
  }

  private List<ContextClaim> contextClaims() {
    List<ContextClaim> claims = new ArrayList<>();
    Set<String> attributes = new LinkedHashSet<>();
    for (String entry : env.list("PORTCULLIS_JWT_CONTEXT_CLAIMS").orElse(List.of())) {
      int equals = entry.indexOf('=');
      String attribute = equals < 0 ? entry : entry.substring(0, equals).trim();
      String claim = equals < 0 ? entry : entry.substring(equals + 1).trim();
      if (claim.isEmpty() || !ContextBuilder.acceptsAttribute(attribute, "")) {
        env.problem(
            "PORTCULLIS_JWT_CONTEXT_CLAIMS entry '"
                + entry
                + "' does not make a context key: write CLAIM or ATTRIBUTE=CLAIM, where the"
                + " attribute is 1 to "
                + ContextBuilder.MAX_KEY_LENGTH
                + " of A-Z a-z 0-9 _ . : - and not one of "
                + String.join(",", new TreeSet<>(ContextBuilder.RESERVED_KEYS))
                + ", e.g. tenant=custom:tenant");
      } else if (!attributes.add(attribute)) {
        env.problem(
            "PORTCULLIS_JWT_CONTEXT_CLAIMS names attribute '"
                + attribute
                + "' twice: name each attribute once");
      } else {
        claims.add(new ContextClaim(attribute, claim));
      }
    }
    if (claims.size() > ContextBuilder.MAX_ATTRIBUTES) {
      env.problem(
          "PORTCULLIS_JWT_CONTEXT_CLAIMS names "
              + claims.size()
              + " claims: the context holds at most "
              + ContextBuilder.MAX_ATTRIBUTES
              + " attributes");
    }
    return claims;
  }

  private Duration maxAge() {
    int seconds =
        env.integer(
            "PORTCULLIS_JWT_JWKS_MAX_AGE_SECONDS",
            (int) JwtSettings.DEFAULT_JWKS_MAX_AGE.toSeconds(),
            0,
            86_400);
    if (seconds > 0 && seconds < 60) {
      env.problem(
          "PORTCULLIS_JWT_JWKS_MAX_AGE_SECONDS is "
              + seconds
              + ": use 0 (refresh only on an unknown key id) or 60 to 86400");
    }
    return Duration.ofSeconds(seconds);
  }

  private String claimName(String name, String fallback) {
    String claim = env.string(name).orElse(fallback);
    if (claim.indexOf(',') >= 0) {
      env.problem(name + " names several claims: name exactly one, e.g. " + fallback);
      return fallback;
    }
    return claim;
  }
}
