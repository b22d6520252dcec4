package dev.portcullis.bootstrap;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

/** RS256 JWTs for the tests' issuer and audience, valid for ten minutes from now. */
final class SignedTokens {

  static final String ISSUER = "https://issuer.example.com/";
  static final String AUDIENCE = "portcullis";

  private SignedTokens() {}

  /** A JWT for {@code subject} with these further claims, signed by {@code signer}. */
  static String jwt(RSAKey signer, String subject, Map<String, Object> claims) throws Exception {
    JWTClaimsSet.Builder builder =
        new JWTClaimsSet.Builder()
            .issuer(ISSUER)
            .audience(AUDIENCE)
            .subject(subject)
            .issueTime(Date.from(Instant.now().minusSeconds(5)))
            .expirationTime(Date.from(Instant.now().plusSeconds(600)));
    claims.forEach(builder::claim);
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signer.getKeyID()).build(),
            builder.build());
    jwt.sign(new RSASSASigner(signer));
    return jwt.serialize();
  }
}
