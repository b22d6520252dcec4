package dev.portcullis.adapters.jwt;

import com.nimbusds.jose.jwk.JWKSet;
import java.text.ParseException;
import java.util.Optional;

/** Judges a JWKS document before it is trusted: a saved file, or what an issuer serves. */
public final class JwksDocument {

  private JwksDocument() {}

  /**
   * What is wrong with {@code json} as an issuer's public JWKS, in words that follow its name, or
   * empty when it can be used.
   */
  public static Optional<String> problem(String json) {
    JWKSet set;
    try {
      set = JWKSet.parse(json);
    } catch (ParseException e) {
      return Optional.of("is not a JWKS document ({\"keys\": [...]})");
    }
    if (KeySet.holdsSecrets(set)) {
      return Optional.of("holds private or symmetric key material");
    }
    if (KeySet.of(set).size() == 0) {
      return Optional.of("holds no signing key with a kid");
    }
    return Optional.empty();
  }
}
