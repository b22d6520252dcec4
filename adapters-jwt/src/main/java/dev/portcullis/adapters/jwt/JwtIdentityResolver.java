package dev.portcullis.adapters.jwt;

import com.nimbusds.jose.Header;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.portcullis.adapters.jwt.JwtSettings.ContextClaim;
import dev.portcullis.adapters.jwt.JwtSettings.TrustedIssuer;
import dev.portcullis.domain.model.Credential;
import dev.portcullis.domain.model.Identity;
import dev.portcullis.domain.model.Resolution;
import dev.portcullis.domain.port.out.BackendUnavailableException;
import dev.portcullis.domain.port.out.IdentityResolver;
import dev.portcullis.domain.service.ContextBuilder;
import dev.portcullis.domain.text.Ascii;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Identity backend for signed JWTs from OIDC issuers: it verifies the signature with the issuer's
 * own JWKS and checks the claims, then maps them to an identity.
 *
 * <p>Checks, in order: shape (three canonical base64url segments); the header's algorithm is in the
 * allow-list and no extension is critical; {@code iss} is exactly a configured issuer; {@code kid}
 * names a key of <em>that</em> issuer's JWKS, and the key fits the algorithm; the signature; then
 * {@code exp} (required, no leeway), {@code nbf} and {@code iat} (with the leeway), the audience,
 * Cognito's {@code token_use} when configured, and the principal claim. The header's {@code jku},
 * {@code x5u}, {@code jwk} and {@code x5c} are never read.
 */
public final class JwtIdentityResolver implements IdentityResolver {

  /** The backend's name, as configured in {@code PORTCULLIS_BACKENDS}. */
  public static final String NAME = "jwt";

  /** The longest principal or role name: what principals and rule roles are made of. */
  private static final int MAX_NAME_LENGTH = 128;

  /** A constant that parses as a JWT; never verified. */
  private static final String PRIMING_SAMPLE =
      "eyJhbGciOiJSUzI1NiIsImtpZCI6InByaW1lIn0"
          + ".eyJpc3MiOiJwb3J0Y3VsbGlzOnByaW1lIiwic3ViIjoicHJpbWUiLCJhdWQiOiJwcmltZSIsImV4cCI6MH0"
          + ".AAAA";

  private final Set<String> issuers;
  private final Set<JWSAlgorithm> algorithms;
  private final Set<String> audiences;
  private final String audienceClaim;
  private final List<String> rolesClaims;
  private final String principalClaim;
  private final Duration leeway;
  private final Optional<String> tokenUse;
  private final List<ContextClaim> contextClaims;
  private final JwksCache keys;
  private final Clock clock;

  JwtIdentityResolver(
      JwtSettings settings, Clock clock, JwksFetcher fetcher, Map<String, KeySet> prefetched) {
    Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    Set<String> names = new HashSet<>();
    settings.issuers().forEach(issuer -> names.add(issuer.issuer()));
    this.issuers = Set.copyOf(names);
    Set<JWSAlgorithm> allowed = new HashSet<>();
    settings.algorithms().forEach(name -> allowed.add(JWSAlgorithm.parse(name)));
    this.algorithms = Set.copyOf(allowed);
    this.audiences = Set.copyOf(settings.audiences());
    this.audienceClaim = settings.audienceClaim();
    this.rolesClaims = settings.rolesClaims();
    this.principalClaim = settings.principalClaim();
    this.leeway = settings.leeway();
    this.tokenUse = settings.tokenUse();
    this.contextClaims = settings.contextClaims();
    this.keys =
        new JwksCache(
            settings.issuers(),
            prefetched,
            Objects.requireNonNull(fetcher, "fetcher"),
            clock,
            settings.minRefetchInterval(),
            settings.jwksMaxAge());
  }

  /**
   * The resolver for these settings. It reads the pre-fetched JWKS files now, so that tokens from
   * those issuers verify with no network call; every other JWKS is fetched on first use.
   *
   * @throws IllegalArgumentException when a JWKS file cannot be read or is not a JWKS (the
   *     composition root reports the same problems beforehand, with {@link JwksDocument})
   */
  public static JwtIdentityResolver create(JwtSettings settings, Clock clock) {
    Map<String, KeySet> prefetched = new HashMap<>();
    for (TrustedIssuer issuer : settings.issuers()) {
      if (issuer.jwksFile().isPresent()) {
        prefetched.put(issuer.issuer(), readKeys(issuer.jwksFile().get()));
      }
    }
    return new JwtIdentityResolver(
        settings, clock, new HttpJwksFetcher(settings.jwksTimeout()), prefetched);
  }

  /**
   * Loads, ahead of the first token, the classes a verification needs (header and claims parsing,
   * each pre-fetched key's verifier and security provider), by checking a sample token that cannot
   * pass. It fetches nothing and changes nothing. Call it at start-up (Lambda's init phase, or
   * before a SnapStart snapshot) to move that cost out of the first request.
   */
  public void prime() {
    try {
      CompactJws.isWellFormed(PRIMING_SAMPLE);
      SignedJWT.parse(PRIMING_SAMPLE).getJWTClaimsSet();
    } catch (ParseException e) {
      throw new IllegalStateException("the priming sample is a constant and always parses", e);
    }
    keys.prime();
  }

  /** The issuers' keys, for tests that wait on a refresh started in the background. */
  JwksCache keys() {
    return keys;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean accepts(Credential credential) {
    return credential.looksLikeJwt();
  }

  /**
   * Verifies the token.
   *
   * @throws BackendUnavailableException when the issuer's JWKS is needed and cannot be fetched
   */
  @Override
  public Resolution resolve(Credential credential) {
    return verify(credential.reveal());
  }

  /** The checks, on any string: tests hand it tokens no {@link Credential} would hold. */
  Resolution verify(String token) {
    if (token.length() > Credential.MAX_LENGTH || !CompactJws.isWellFormed(token)) {
      return invalid(JwtReason.MALFORMED);
    }
    SignedJWT jwt;
    JWTClaimsSet claims;
    try {
      jwt = SignedJWT.parse(token);
    } catch (ParseException | RuntimeException e) {
      return invalid(parseFailure(token));
    }
    JWSHeader header = jwt.getHeader();
    JWSAlgorithm alg = header.getAlgorithm();
    if (!algorithms.contains(alg)) {
      return invalid(JwtReason.ALGORITHM);
    }
    if (header.getCriticalParams() != null || !header.isBase64URLEncodePayload()) {
      return invalid(JwtReason.HEADER);
    }
    try {
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException | RuntimeException e) {
      return invalid(JwtReason.MALFORMED);
    }
    String issuer = claims.getIssuer();
    if (issuer == null || !issuers.contains(issuer)) {
      return invalid(JwtReason.ISSUER);
    }
    String kid = header.getKeyID();
    if (kid == null || kid.isEmpty()) {
      return invalid(JwtReason.NO_KID);
    }
    Optional<TrustedKey> key = keys.key(issuer, kid);
    if (key.isEmpty()) {
      return invalid(JwtReason.UNKNOWN_KID);
    }
    if (!key.get().fits(alg)) {
      return invalid(JwtReason.ALGORITHM);
    }
    if (!key.get().verifies(jwt)) {
      return invalid(JwtReason.SIGNATURE);
    }
    return checkClaims(claims);
  }

  /** The claims of a token whose signature is valid. */
  private Resolution checkClaims(JWTClaimsSet claims) {
    Instant now = clock.instant();
    Date exp = claims.getExpirationTime();
    if (exp == null) {
      return invalid(JwtReason.NO_EXP);
    }
    Instant expiresAt = exp.toInstant();
    if (!now.isBefore(expiresAt)) {
      return new Resolution.Expired();
    }
    Instant latest = now.plus(leeway);
    if (isAfter(claims.getNotBeforeTime(), latest)) {
      return invalid(JwtReason.NOT_YET_VALID);
    }
    if (isAfter(claims.getIssueTime(), latest)) {
      return invalid(JwtReason.ISSUED_IN_FUTURE);
    }
    if (Claims.strings(Claims.lookup(claims, audienceClaim)).stream()
        .noneMatch(audiences::contains)) {
      return invalid(JwtReason.AUDIENCE);
    }
    if (tokenUse.isPresent() && !tokenUse.get().equals(claims.getClaim("token_use"))) {
      return invalid(JwtReason.TOKEN_USE);
    }
    Object principal = Claims.lookup(claims, principalClaim);
    if (!(principal instanceof String name) || !Ascii.isVisible(name, MAX_NAME_LENGTH)) {
      return invalid(JwtReason.PRINCIPAL);
    }
    return new Resolution.Resolved(
        new Identity(name, roles(claims), attributes(claims), expiresAt, NAME));
  }

  private Set<String> roles(JWTClaimsSet claims) {
    Set<String> roles = new LinkedHashSet<>();
    for (String claim : rolesClaims) {
      for (String role : Claims.roleNames(Claims.lookup(claims, claim))) {
        // Rules name roles with 1 to 128 visible ASCII characters: any other name matches none.
        if (Ascii.isVisible(role, MAX_NAME_LENGTH)) {
          roles.add(role);
        }
      }
    }
    return roles;
  }

  private Map<String, String> attributes(JWTClaimsSet claims) {
    Map<String, String> attributes = new LinkedHashMap<>();
    for (ContextClaim context : contextClaims) {
      Optional<String> value = Claims.scalar(Claims.lookup(claims, context.claim()));
      if (value.isPresent() && ContextBuilder.acceptsAttribute(context.attribute(), value.get())) {
        attributes.put(context.attribute(), value.get());
      }
    }
    return attributes;
  }

  private static boolean isAfter(Date claim, Instant latest) {
    return claim != null && claim.toInstant().isAfter(latest);
  }

  /**
   * Why nimbus refused the token: a header whose algorithm is not allowed ({@code none}, JWE,
   * anything outside the list) is reported as such, anything else as malformed.
   */
  private String parseFailure(String token) {
    try {
      Header header = Header.parse(new Base64URL(token.substring(0, token.indexOf('.'))));
      return header instanceof JWSHeader && algorithms.contains(header.getAlgorithm())
          ? JwtReason.MALFORMED
          : JwtReason.ALGORITHM;
    } catch (ParseException | RuntimeException e) {
      return JwtReason.MALFORMED;
    }
  }

  private static Resolution invalid(String reason) {
    return new Resolution.Invalid(reason);
  }

  private static KeySet readKeys(Path file) {
    try {
      return KeySet.parse(Files.readString(file));
    } catch (IOException | ParseException e) {
      throw new IllegalArgumentException(
          "PORTCULLIS_JWT_JWKS_FILE " + file + " cannot be read as a JWKS document", e);
    }
  }
}
