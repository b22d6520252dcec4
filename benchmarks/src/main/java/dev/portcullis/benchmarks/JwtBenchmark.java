package dev.portcullis.benchmarks;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.portcullis.adapters.jwt.JwtIdentityResolver;
import dev.portcullis.adapters.jwt.JwtSettings;
import dev.portcullis.domain.model.Credential;
import dev.portcullis.domain.model.Resolution;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One whole JWT verification by the JWT backend (shape, header, issuer, key lookup, signature,
 * claims, identity), RS256 with a 2048-bit RSA key against ES256 on P-256. The JWKS comes from a
 * pre-fetched file, so no network is involved.
 */
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class JwtBenchmark {

  private static final String ISSUER = "https://issuer.example.test";
  private static final String AUDIENCE = "portcullis-bench";

  @Param({"RS256", "ES256"})
  public String algorithm;

  JwtIdentityResolver resolver;
  Credential token;
  Path jwksFile;

  @Setup
  public void setUp() throws JOSEException, IOException {
    RSAKey rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
    ECKey ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
    jwksFile = Files.createTempFile("portcullis-bench-jwks-", ".json");
    Files.writeString(jwksFile, new JWKSet(List.<JWK>of(rsa, ec)).toPublicJWKSet().toString());
    JwtSettings defaults =
        JwtSettings.of(ISSUER, URI.create("http://127.0.0.1:9/never-fetched"), AUDIENCE);
    JwtSettings settings =
        new JwtSettings(
            List.of(
                new JwtSettings.TrustedIssuer(
                    ISSUER, URI.create("http://127.0.0.1:9/never-fetched"), Optional.of(jwksFile))),
            defaults.audiences(),
            defaults.audienceClaim(),
            List.of("RS256", "ES256"),
            defaults.rolesClaims(),
            defaults.principalClaim(),
            defaults.leeway(),
            defaults.tokenUse(),
            defaults.contextClaims(),
            defaults.jwksTimeout(),
            defaults.minRefetchInterval(),
            Duration.ZERO);
    resolver = JwtIdentityResolver.create(settings, Clock.systemUTC());
    boolean rsaToken = algorithm.equals("RS256");
    JWSSigner signer = rsaToken ? new RSASSASigner(rsa) : new ECDSASigner(ec);
    String kid = rsaToken ? rsa.getKeyID() : ec.getKeyID();
    Instant now = Instant.now();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(ISSUER)
            .audience(AUDIENCE)
            .subject("alice")
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(Duration.ofDays(1))))
            .claim("roles", List.of("admin"))
            .build();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.parse(algorithm))
                .keyID(kid)
                .type(JOSEObjectType.JWT)
                .build(),
            claims);
    jwt.sign(signer);
    token = Credential.parse(jwt.serialize()).orElseThrow();
    Resolution check = resolver.resolve(token);
    if (!(check instanceof Resolution.Resolved)) {
      throw new IllegalStateException("the " + algorithm + " token did not verify: " + check);
    }
  }

  @TearDown
  public void tearDown() throws IOException {
    Files.deleteIfExists(jwksFile);
  }

  /** Latency percentiles of one verification. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  @Threads(1)
  public Resolution verifyLatency() {
    return resolver.resolve(token);
  }

  /** Verifications per second on two threads. */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Threads(2)
  public Resolution verifyThroughput() {
    return resolver.resolve(token);
  }
}
