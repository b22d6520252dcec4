package dev.portcullis.adapters.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

/** Keys generated once per test run with nimbus's generators: RSA 2048 and EC P-256. */
final class TestKeys {

  /** The issuer's RSA signing key. */
  static final RSAKey RSA = rsa("rsa-1");

  /** The issuer's next RSA key, published after a rotation. */
  static final RSAKey RSA_NEXT = rsa("rsa-2");

  /** The issuer's EC signing key. */
  static final ECKey EC = ec("ec-1");

  /** A second issuer's RSA key. */
  static final RSAKey OTHER_ISSUER_RSA = rsa("other-rsa-1");

  /** A key the attacker holds, private part included. */
  static final RSAKey ATTACKER_RSA = rsa("attacker-1");

  private TestKeys() {}

  static RSAKey rsa(String kid) {
    try {
      return new RSAKeyGenerator(2048).keyID(kid).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  static ECKey ec(String kid) {
    try {
      return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
