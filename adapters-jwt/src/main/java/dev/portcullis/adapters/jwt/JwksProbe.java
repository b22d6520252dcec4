package dev.portcullis.adapters.jwt;

import com.nimbusds.jose.JWSAlgorithm;
import dev.portcullis.adapters.jwt.JwtSettings.TrustedIssuer;
import java.io.IOException;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Fetches each trusted issuer's JWKS once, as {@code check} does before a deployment: it answers,
 * and it holds a key for every configured algorithm. Nothing is cached.
 */
public final class JwksProbe {

  private final JwtSettings settings;
  private final JwksFetcher fetcher;

  private JwksProbe(JwtSettings settings, JwksFetcher fetcher) {
    this.settings = settings;
    this.fetcher = fetcher;
  }

  /** A probe over HTTP, with the settings' fetch deadline. */
  public static JwksProbe of(JwtSettings settings) {
    return new JwksProbe(settings, new HttpJwksFetcher(settings.jwksTimeout()));
  }

  /** Every problem found, one per issuer at most; empty when every JWKS answered with keys. */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    for (TrustedIssuer issuer : settings.issuers()) {
      String where = "JWKS of issuer " + issuer.issuer() + " (" + issuer.jwksUrl() + ")";
      KeySet keys;
      try {
        keys = KeySet.parse(fetcher.fetch(issuer.jwksUrl()));
      } catch (IOException e) {
        problems.add(where + " cannot be fetched: " + e.getMessage());
        continue;
      } catch (ParseException e) {
        problems.add(where + " is not a JWKS document: check PORTCULLIS_JWT_JWKS_URL");
        continue;
      }
      List<String> missing = new ArrayList<>();
      for (String name : settings.algorithms()) {
        JWSAlgorithm alg = JWSAlgorithm.parse(name);
        if (keys.all().stream().noneMatch(key -> key.fits(alg))) {
          missing.add(name);
        }
      }
      if (!missing.isEmpty()) {
        problems.add(
            where
                + " holds no key for "
                + String.join(",", missing)
                + " (it has "
                + keys.size()
                + " signing keys with a kid): check PORTCULLIS_JWT_ALGORITHMS");
      }
    }
    return problems;
  }
}
