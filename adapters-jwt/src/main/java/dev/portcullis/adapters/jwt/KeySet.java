package dev.portcullis.adapters.jwt;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import java.text.ParseException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The signing keys of one issuer's JWKS document, by key id. Keys without an id, keys meant for
 * encryption and symmetric keys are left out: a token can only ever name a public signing key.
 */
final class KeySet {

  static final KeySet EMPTY = new KeySet(Map.of());

  private final Map<String, TrustedKey> byKid;

  private KeySet(Map<String, TrustedKey> byKid) {
    this.byKid = byKid;
  }

  /**
   * Parses a JWKS document ({@code {"keys": [...]}}) with nimbus's {@code JWKSet.parse}.
   *
   * @throws ParseException when the document is not a JWKS
   */
  static KeySet parse(String json) throws ParseException {
    return of(JWKSet.parse(json));
  }

  /** The public signing keys of a parsed JWKS. */
  static KeySet of(JWKSet set) {
    Map<String, TrustedKey> keys = new HashMap<>();
    for (JWK jwk : set.toPublicJWKSet().getKeys()) {
      String kid = jwk.getKeyID();
      KeyUse use = jwk.getKeyUse();
      if (kid != null && (use == null || KeyUse.SIGNATURE.equals(use))) {
        keys.putIfAbsent(kid, new TrustedKey(jwk));
      }
    }
    return new KeySet(Map.copyOf(keys));
  }

  /** True when a JWKS holds private or symmetric key material, which must never ship. */
  static boolean holdsSecrets(JWKSet set) {
    return set.getKeys().stream().anyMatch(JWK::isPrivate);
  }

  /** Every key, for priming. */
  Collection<TrustedKey> all() {
    return byKid.values();
  }

  Optional<TrustedKey> byKid(String kid) {
    return Optional.ofNullable(byKid.get(kid));
  }

  int size() {
    return byKid.size();
  }
}
