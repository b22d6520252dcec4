package dev.portcullis.adapters.jwt;

/**
 * The reason codes of the JWT backend's {@code Invalid} resolutions: short, stable, and never made
 * of token content. An expired token with a valid signature resolves to {@code Expired} instead.
 */
public final class JwtReason {

  /** Not three base64url segments of JSON, or longer than any credential Portcullis accepts. */
  public static final String MALFORMED = "jwt_malformed";

  /** The header's algorithm is not allowed, is not a signature, or does not fit the key. */
  public static final String ALGORITHM = "jwt_alg";

  /** The header marks extensions critical ({@code crit}); none are supported. */
  public static final String HEADER = "jwt_header";

  /** The {@code iss} claim is missing or is not exactly one of the configured issuers. */
  public static final String ISSUER = "jwt_issuer";

  /** The header names no key id ({@code kid}). */
  public static final String NO_KID = "jwt_no_kid";

  /** The issuer's JWKS holds no key with this id, even after a refetch. */
  public static final String UNKNOWN_KID = "jwt_unknown_kid";

  /** The signature does not verify with the issuer's key. */
  public static final String SIGNATURE = "jwt_signature";

  /** The token carries no {@code exp} claim. */
  public static final String NO_EXP = "jwt_no_exp";

  /** The {@code nbf} claim lies in the future, beyond the leeway. */
  public static final String NOT_YET_VALID = "jwt_not_yet_valid";

  /** The {@code iat} claim lies in the future, beyond the leeway. */
  public static final String ISSUED_IN_FUTURE = "jwt_iat_future";

  /** No audience value of the token is one of the configured audiences. */
  public static final String AUDIENCE = "jwt_audience";

  /** Cognito's {@code token_use} claim is not the configured value. */
  public static final String TOKEN_USE = "jwt_token_use";

  /** The principal claim is missing or not 1 to 128 visible ASCII characters. */
  public static final String PRINCIPAL = "jwt_principal";

  private JwtReason() {}
}
