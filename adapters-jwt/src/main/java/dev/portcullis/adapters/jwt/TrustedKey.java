package dev.portcullis.adapters.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.SignedJWT;

/**
 * One public signing key of an issuer's JWKS. It decides which algorithms may use it, and builds
 * its verifier on first use, so that keys nobody signs with cost nothing at cold start.
 */
final class TrustedKey {

  /** RSA keys shorter than this are never trusted (RFC 7518 section 3.3). */
  static final int MIN_RSA_BITS = 2048;

  private final JWK jwk;
  private volatile JWSVerifier verifier;

  TrustedKey(JWK jwk) {
    this.jwk = jwk;
  }

  /** True when a token signed with {@code alg} may be checked with this key at all. */
  boolean fits(JWSAlgorithm alg) {
    if (jwk.getAlgorithm() != null && !jwk.getAlgorithm().equals(alg)) {
      return false;
    }
    if (JWSAlgorithm.Family.RSA.contains(alg)) {
      return jwk instanceof RSAKey rsa && rsa.size() >= MIN_RSA_BITS;
    }
    if (JWSAlgorithm.Family.EC.contains(alg)) {
      return jwk instanceof ECKey ec && Curve.forJWSAlgorithm(alg).contains(ec.getCurve());
    }
    return false;
  }

  /**
   * True when the token's signature is valid for this key; call {@link #fits} first. A signature
   * the provider chokes on is simply not valid.
   */
  boolean verifies(SignedJWT jwt) {
    try {
      return jwt.verify(verifier());
    } catch (JOSEException | RuntimeException e) {
      return false;
    }
  }

  /**
   * Builds the verifier and runs it once over a sample that cannot verify, so that the classes and
   * security providers a real verification needs are loaded now rather than on the first token.
   */
  void prime() {
    JWSAlgorithm alg;
    int signatureBytes;
    if (jwk instanceof RSAKey rsa) {
      alg = JWSAlgorithm.RS256;
      signatureBytes = Math.max(1, rsa.size() / 8);
    } else if (jwk instanceof ECKey ec && Curve.P_256.equals(ec.getCurve())) {
      alg = JWSAlgorithm.ES256;
      signatureBytes = 64;
    } else {
      return;
    }
    byte[] signature = new byte[signatureBytes];
    java.util.Arrays.fill(signature, (byte) 1);
    try {
      SignedJWT sample =
          new SignedJWT(
              new JWSHeader.Builder(alg).keyID("prime").build().toBase64URL(),
              Base64URL.encode("{}"),
              Base64URL.encode(signature));
      verifies(sample);
    } catch (java.text.ParseException | RuntimeException e) {
      // Priming is best effort: the first real token pays what was not loaded here.
    }
  }

  private JWSVerifier verifier() throws JOSEException {
    JWSVerifier built = verifier;
    if (built == null) {
      built = jwk instanceof RSAKey rsa ? new RSASSAVerifier(rsa) : new ECDSAVerifier((ECKey) jwk);
      verifier = built;
    }
    return built;
  }
}
