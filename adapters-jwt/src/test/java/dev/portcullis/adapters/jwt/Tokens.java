package dev.portcullis.adapters.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/** Builds tokens for tests, well-formed and otherwise. */
final class Tokens {

  static final String ISSUER = "https://idp.example.com/realms/portcullis";
  static final String AUDIENCE = "orders-api";

  private Tokens() {}

  /** Valid claims at {@code now}: issuer, audience, subject alice, issued now, expiring in 1 h. */
  static JWTClaimsSet.Builder claims(Instant now) {
    return new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .audience(AUDIENCE)
        .subject("alice")
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(Duration.ofHours(1))));
  }

  /** Signed with the key's natural algorithm (RS256 or ES256), its kid in the header. */
  static String sign(JWK key, JWTClaimsSet claims) {
    JWSAlgorithm alg = key instanceof ECKey ? JWSAlgorithm.ES256 : JWSAlgorithm.RS256;
    return sign(new JWSHeader.Builder(alg).keyID(key.getKeyID()).build(), key, claims);
  }

  static String sign(JWSHeader header, JWK key, JWTClaimsSet claims) {
    try {
      SignedJWT jwt = new SignedJWT(header, claims);
      jwt.sign(signer(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Any payload text, signed: for payloads no claims builder would write. */
  static String signRaw(JWSHeader header, JWSSigner signer, String payloadJson) {
    try {
      JWSObject object = new JWSObject(header, new Payload(payloadJson));
      object.sign(signer);
      return object.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  static JWSSigner signer(JWK key) {
    try {
      return key instanceof ECKey ec ? new ECDSASigner(ec) : new RSASSASigner((RSAKey) key);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** base64url of a text, no padding. */
  static String b64(String text) {
    return Base64URL.encode(text.getBytes(StandardCharsets.UTF_8)).toString();
  }

  /** The token's three segments. */
  static String[] segments(String token) {
    return token.split("\\.", -1);
  }
}
