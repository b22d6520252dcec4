package dev.portcullis.adapters.jwt;

import com.nimbusds.jose.jwk.JWKSet;
import dev.portcullis.domain.model.Credential;
import dev.portcullis.domain.model.Resolution;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * Times whole verifications (parse, signature, claims, identity) of RS256 against ES256 tokens in a
 * warm JVM, in microseconds per token. A rough figure for the docs, not a test and not JMH: the
 * benchmarks module hosts the rigorous version. Run from adapters-jwt after {@code mvn install}:
 *
 * <pre>
 * mvn -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *     dev.portcullis.adapters.jwt.JwtVerificationCost [N]
 * </pre>
 */
final class JwtVerificationCost {

  private JwtVerificationCost() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    Path jwks = Files.createTempFile("portcullis-jwks", ".json");
    Files.writeString(
        jwks, new JWKSet(java.util.List.of(TestKeys.RSA, TestKeys.EC)).toPublicJWKSet().toString());
    JwtSettings settings =
        Fixture.settings(
            Map.of(
                "PORTCULLIS_JWT_ISSUER",
                Tokens.ISSUER,
                "PORTCULLIS_JWT_JWKS_URL",
                "http://127.0.0.1:9/never-fetched",
                "PORTCULLIS_JWT_JWKS_FILE",
                jwks.toString(),
                "PORTCULLIS_JWT_JWKS_MAX_AGE_SECONDS",
                "0",
                "PORTCULLIS_JWT_AUDIENCE",
                Tokens.AUDIENCE,
                "PORTCULLIS_JWT_ALGORITHMS",
                "RS256,ES256"));
    JwtIdentityResolver resolver = JwtIdentityResolver.create(settings, Clock.systemUTC());
    Instant now = Instant.now();
    Credential rs256 = Fixture.credential(Tokens.sign(TestKeys.RSA, Tokens.claims(now).build()));
    Credential es256 = Fixture.credential(Tokens.sign(TestKeys.EC, Tokens.claims(now).build()));

    for (int round = 0; round < 3; round++) {
      run(resolver, rs256, n);
      run(resolver, es256, n);
    }
    double rsMicros = run(resolver, rs256, n);
    double esMicros = run(resolver, es256, n);
    System.out.printf("RS256 (RSA 2048): %.1f us/op%n", rsMicros);
    System.out.printf("ES256 (P-256):    %.1f us/op%n", esMicros);
    Files.delete(jwks);
  }

  private static double run(JwtIdentityResolver resolver, Credential token, int n) {
    long start = System.nanoTime();
    int resolved = 0;
    for (int i = 0; i < n; i++) {
      if (resolver.resolve(token) instanceof Resolution.Resolved) {
        resolved++;
      }
    }
    long elapsed = System.nanoTime() - start;
    if (resolved != n) {
      throw new IllegalStateException("only " + resolved + " of " + n + " tokens resolved");
    }
    return elapsed / 1_000.0 / n;
  }
}
