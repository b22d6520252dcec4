package dev.portcullis.adapters.jwt;

import dev.portcullis.domain.service.ContextBuilder;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the JWT backend needs to know, as plain values the composition root fills from the
 * environment; docs/jwt.md names the variable behind each field.
 *
 * @param issuers the trusted issuers, each with its own JWKS ({@code PORTCULLIS_JWT_ISSUER}, {@code
 *     PORTCULLIS_JWT_JWKS_URL}, {@code PORTCULLIS_JWT_JWKS_FILE})
 * @param audiences the accepted audience values, any one of which must appear in the token
 * @param audienceClaim the claim that carries the audience: {@code aud}, or {@code client_id} for
 *     Cognito access tokens
 * @param algorithms the accepted signature algorithms, a subset of {@link #SUPPORTED_ALGORITHMS}
 * @param rolesClaims the claims whose values become roles: a list claim, or a space-separated
 *     string such as {@code scope}; a dotted name such as {@code realm_access.roles} walks nested
 *     objects
 * @param principalClaim the claim that names the principal
 * @param leeway the clock skew tolerated for {@code nbf} and {@code iat} (never for {@code exp})
 * @param tokenUse the required value of Cognito's {@code token_use} claim, when set
 * @param contextClaims the scalar claims copied into the identity's attributes
 * @param jwksTimeout the deadline of one whole JWKS fetch: connecting, the headers and the body
 * @param minRefetchInterval the shortest time between two fetches of one issuer's JWKS
 * @param jwksMaxAge how long fetched keys are trusted before the next use refreshes them; zero
 *     keeps them until an unknown key id forces a refetch
 */
public record JwtSettings(
    List<TrustedIssuer> issuers,
    List<String> audiences,
    String audienceClaim,
    List<String> algorithms,
    List<String> rolesClaims,
    String principalClaim,
    Duration leeway,
    Optional<String> tokenUse,
    List<ContextClaim> contextClaims,
    Duration jwksTimeout,
    Duration minRefetchInterval,
    Duration jwksMaxAge) {

  /** Asymmetric algorithms nimbus verifies with the JDK alone. EdDSA needs Google Tink: refused. */
  public static final List<String> SUPPORTED_ALGORITHMS =
      List.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512");

  /** What Cognito, Auth0 and Keycloak sign with by default. */
  public static final List<String> DEFAULT_ALGORITHMS = List.of("RS256");

  public static final String DEFAULT_AUDIENCE_CLAIM = "aud";
  public static final String DEFAULT_ROLES_CLAIM = "roles";
  public static final String DEFAULT_PRINCIPAL_CLAIM = "sub";
  public static final Duration DEFAULT_LEEWAY = Duration.ZERO;
  public static final Duration MAX_LEEWAY = Duration.ofMinutes(5);

  /**
   * Long enough for a cold TLS handshake in the same region, short against any authorizer limit.
   */
  public static final Duration DEFAULT_JWKS_TIMEOUT = Duration.ofMillis(1500);

  /** A flood of unknown key ids reaches the issuer at most once per this interval. */
  public static final Duration DEFAULT_MIN_REFETCH_INTERVAL = Duration.ofSeconds(10);

  /** A key the issuer withdrew stops being trusted within this time. */
  public static final Duration DEFAULT_JWKS_MAX_AGE = Duration.ofMinutes(15);

  /** The values Cognito's {@code token_use} claim takes. */
  public static final Set<String> TOKEN_USES = Set.of("access", "id");

  public JwtSettings {
    issuers = List.copyOf(Objects.requireNonNull(issuers, "issuers"));
    if (issuers.isEmpty()) {
      throw new IllegalArgumentException("issuers must name at least one issuer");
    }
    Set<String> names = new HashSet<>();
    for (TrustedIssuer issuer : issuers) {
      if (!names.add(issuer.issuer())) {
        throw new IllegalArgumentException("issuers names '" + issuer.issuer() + "' twice");
      }
    }
    audiences = List.copyOf(Objects.requireNonNull(audiences, "audiences"));
    if (audiences.isEmpty()) {
      throw new IllegalArgumentException("audiences must name at least one audience");
    }
    requireName(audienceClaim, "audienceClaim");
    algorithms = List.copyOf(Objects.requireNonNull(algorithms, "algorithms"));
    if (algorithms.isEmpty() || !SUPPORTED_ALGORITHMS.containsAll(algorithms)) {
      throw new IllegalArgumentException(
          "algorithms must be one or more of " + SUPPORTED_ALGORITHMS + ", got " + algorithms);
    }
    rolesClaims = List.copyOf(Objects.requireNonNull(rolesClaims, "rolesClaims"));
    rolesClaims.forEach(claim -> requireName(claim, "rolesClaims"));
    requireName(principalClaim, "principalClaim");
    Objects.requireNonNull(leeway, "leeway");
    if (leeway.isNegative() || leeway.compareTo(MAX_LEEWAY) > 0) {
      throw new IllegalArgumentException("leeway must be 0 to 300 seconds, got " + leeway);
    }
    Objects.requireNonNull(tokenUse, "tokenUse");
    if (tokenUse.isPresent() && !TOKEN_USES.contains(tokenUse.get())) {
      throw new IllegalArgumentException("tokenUse must be access or id, got " + tokenUse.get());
    }
    contextClaims = List.copyOf(Objects.requireNonNull(contextClaims, "contextClaims"));
    requirePositive(jwksTimeout, "jwksTimeout");
    requirePositive(minRefetchInterval, "minRefetchInterval");
    Objects.requireNonNull(jwksMaxAge, "jwksMaxAge");
    if (jwksMaxAge.isNegative()) {
      throw new IllegalArgumentException("jwksMaxAge must not be negative, got " + jwksMaxAge);
    }
  }

  /**
   * The settings for one issuer, its JWKS URL and one audience, every other value at its default.
   */
  public static JwtSettings of(String issuer, URI jwksUrl, String audience) {
    return new JwtSettings(
        List.of(new TrustedIssuer(issuer, jwksUrl, Optional.empty())),
        List.of(audience),
        DEFAULT_AUDIENCE_CLAIM,
        DEFAULT_ALGORITHMS,
        List.of(DEFAULT_ROLES_CLAIM),
        DEFAULT_PRINCIPAL_CLAIM,
        DEFAULT_LEEWAY,
        Optional.empty(),
        List.of(),
        DEFAULT_JWKS_TIMEOUT,
        DEFAULT_MIN_REFETCH_INTERVAL,
        DEFAULT_JWKS_MAX_AGE);
  }

  private static void requireName(String claim, String field) {
    Objects.requireNonNull(claim, field);
    if (claim.isBlank()) {
      throw new IllegalArgumentException(field + " must name a claim, got a blank name");
    }
  }

  private static void requirePositive(Duration duration, String name) {
    Objects.requireNonNull(duration, name);
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, got " + duration);
    }
  }

  /**
   * One trusted issuer: its exact {@code iss} value, where its JWKS is fetched from, and optionally
   * a file holding the same JWKS, read at start-up so the first token needs no fetch.
   */
  public record TrustedIssuer(String issuer, URI jwksUrl, Optional<Path> jwksFile) {
    public TrustedIssuer {
      Objects.requireNonNull(issuer, "issuer");
      if (issuer.isEmpty()) {
        throw new IllegalArgumentException("issuer must not be empty");
      }
      Objects.requireNonNull(jwksUrl, "jwksUrl");
      Objects.requireNonNull(jwksFile, "jwksFile");
    }
  }

  /** A claim copied as a string into the identity's attribute of that name. */
  public record ContextClaim(String attribute, String claim) {
    public ContextClaim {
      Objects.requireNonNull(attribute, "attribute");
      requireName(claim, "claim");
      if (!ContextBuilder.acceptsAttribute(attribute, "")) {
        throw new IllegalArgumentException(
            "attribute '"
                + attribute
                + "' is not a context key: use 1 to "
                + ContextBuilder.MAX_KEY_LENGTH
                + " of A-Z a-z 0-9 _ . : - and none of "
                + ContextBuilder.RESERVED_KEYS);
      }
    }
  }
}
