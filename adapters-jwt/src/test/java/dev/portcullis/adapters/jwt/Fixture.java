package dev.portcullis.adapters.jwt;

import dev.portcullis.domain.model.Credential;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** Settings and resolvers for tests: one issuer whose JWKS a {@link JwksServer} publishes. */
final class Fixture {

  private Fixture() {}

  /** The variables for one issuer served by {@code server}, RS256 and ES256 allowed, plus more. */
  static Map<String, String> env(JwksServer server, String... moreNamesAndValues) {
    Map<String, String> env = new HashMap<>();
    env.put("PORTCULLIS_JWT_ISSUER", Tokens.ISSUER);
    env.put("PORTCULLIS_JWT_JWKS_URL", server.url().toString());
    env.put("PORTCULLIS_JWT_AUDIENCE", Tokens.AUDIENCE);
    env.put("PORTCULLIS_JWT_ALGORITHMS", "RS256,ES256");
    for (int i = 0; i < moreNamesAndValues.length; i += 2) {
      env.put(moreNamesAndValues[i], moreNamesAndValues[i + 1]);
    }
    return env;
  }

  static JwtSettings settings(Map<String, String> env) {
    JwtSettings.Parsed parsed = JwtSettings.parse(env);
    if (parsed instanceof JwtSettings.Parsed.Valid valid) {
      return valid.settings();
    }
    throw new AssertionError("test settings are invalid: " + parsed.problems());
  }

  static JwtIdentityResolver resolver(Map<String, String> env, Clock clock) {
    return JwtIdentityResolver.create(settings(env), clock);
  }

  static Credential credential(String token) {
    return Credential.parse(token).orElseThrow(() -> new AssertionError("not a credential"));
  }
}
