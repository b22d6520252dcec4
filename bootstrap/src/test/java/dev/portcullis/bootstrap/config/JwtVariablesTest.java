package dev.portcullis.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.portcullis.adapters.jwt.JwtSettings;
import dev.portcullis.adapters.jwt.JwtSettings.ContextClaim;
import dev.portcullis.adapters.jwt.JwtSettings.TrustedIssuer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the {@code PORTCULLIS_JWT_*} variables: defaults, every setting, every problem. */
class JwtVariablesTest {

  private static final RSAKey RSA = rsaKey();

  private static final String COGNITO =
      "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123";

  @Test
  void anIssuerAndAnAudienceAreEnoughAndEverythingElseHasItsDefault() {
    JwtSettings settings =
        valid(Map.of("PORTCULLIS_JWT_ISSUER", COGNITO, "PORTCULLIS_JWT_AUDIENCE", "client-1"));

    assertThat(settings)
        .isEqualTo(
            new JwtSettings(
                List.of(
                    new TrustedIssuer(
                        COGNITO, URI.create(COGNITO + "/.well-known/jwks.json"), Optional.empty())),
                List.of("client-1"),
                "aud",
                List.of("RS256"),
                List.of("roles"),
                "sub",
                Duration.ZERO,
                Optional.empty(),
                List.of(),
                Duration.ofMillis(1500),
                Duration.ofSeconds(10),
                Duration.ofMinutes(15)));
  }

  @Test
  void theDerivedJwksUrlDropsTheIssuersTrailingSlashLikeAuth0s() {
    JwtSettings settings =
        valid(
            Map.of(
                "PORTCULLIS_JWT_ISSUER", "https://tenant.eu.auth0.com/",
                "PORTCULLIS_JWT_AUDIENCE", "https://api.example.com"));

    assertThat(settings.issuers().get(0).issuer()).isEqualTo("https://tenant.eu.auth0.com/");
    assertThat(settings.issuers().get(0).jwksUrl())
        .isEqualTo(URI.create("https://tenant.eu.auth0.com/.well-known/jwks.json"));
  }

  @Test
  void severalIssuersTakeTheirJwksUrlsInOrderAndAnEmptyEntryMeansTheDefault() {
    String keycloak = "https://sso.example.com/realms/acme";
    JwtSettings settings =
        valid(
            Map.of(
                "PORTCULLIS_JWT_ISSUER", COGNITO + ", " + keycloak,
                "PORTCULLIS_JWT_JWKS_URL", " , " + keycloak + "/protocol/openid-connect/certs",
                "PORTCULLIS_JWT_AUDIENCE", "client-1,account"));

    assertThat(settings.issuers())
        .extracting(TrustedIssuer::jwksUrl)
        .containsExactly(
            URI.create(COGNITO + "/.well-known/jwks.json"),
            URI.create(keycloak + "/protocol/openid-connect/certs"));
    assertThat(settings.audiences()).containsExactly("client-1", "account");
  }

  @Test
  void everyVariableIsReadWhenSet(@TempDir Path dir) throws IOException {
    Path file = jwksFile(dir);
    Map<String, String> env = new HashMap<>();
    env.put("PORTCULLIS_JWT_ISSUER", COGNITO);
    env.put("PORTCULLIS_JWT_JWKS_URL", "https://keys.example.com/jwks");
    env.put("PORTCULLIS_JWT_JWKS_FILE", file.toString());
    env.put("PORTCULLIS_JWT_AUDIENCE", "client-1");
    env.put("PORTCULLIS_JWT_AUDIENCE_CLAIM", "client_id");
    env.put("PORTCULLIS_JWT_ALGORITHMS", "RS256,PS256,ES384");
    env.put("PORTCULLIS_JWT_ROLES_CLAIM", "cognito:groups,scope");
    env.put("PORTCULLIS_JWT_PRINCIPAL_CLAIM", "username");
    env.put("PORTCULLIS_JWT_LEEWAY_SECONDS", "30");
    env.put("PORTCULLIS_JWT_TOKEN_USE", "access");
    env.put("PORTCULLIS_JWT_CONTEXT_CLAIMS", "email, tenant=custom:tenant");
    env.put("PORTCULLIS_JWT_JWKS_TIMEOUT_MS", "800");
    env.put("PORTCULLIS_JWT_JWKS_MIN_REFETCH_SECONDS", "30");
    env.put("PORTCULLIS_JWT_JWKS_MAX_AGE_SECONDS", "0");

    JwtSettings settings = valid(env);

    assertThat(env.keySet()).containsExactlyInAnyOrderElementsOf(JwtVariables.NAMES);
    assertThat(settings)
        .isEqualTo(
            new JwtSettings(
                List.of(
                    new TrustedIssuer(
                        COGNITO, URI.create("https://keys.example.com/jwks"), Optional.of(file))),
                List.of("client-1"),
                "client_id",
                List.of("RS256", "PS256", "ES384"),
                List.of("cognito:groups", "scope"),
                "username",
                Duration.ofSeconds(30),
                Optional.of("access"),
                List.of(
                    new ContextClaim("email", "email"),
                    new ContextClaim("tenant", "custom:tenant")),
                Duration.ofMillis(800),
                Duration.ofSeconds(30),
                Duration.ZERO));
  }

  @Test
  void everyProblemIsReportedAtOnceEachNamingItsVariable() {
    Map<String, String> env = new HashMap<>();
    env.put("PORTCULLIS_JWT_ALGORITHMS", "RS256,HS256,none,EdDSA,RS257");
    env.put("PORTCULLIS_JWT_LEEWAY_SECONDS", "3600");
    env.put("PORTCULLIS_JWT_TOKEN_USE", "refresh");
    env.put("PORTCULLIS_JWT_CONTEXT_CLAIMS", "principalId=sub,ok=email,ok=name");
    env.put("PORTCULLIS_JWT_JWKS_TIMEOUT_MS", "soon");
    env.put("PORTCULLIS_JWT_JWKS_MAX_AGE_SECONDS", "5");

    List<String> problems = problems(env);

    assertThat(problems)
        .hasSize(12)
        .anyMatch(p -> p.startsWith("PORTCULLIS_JWT_ISSUER is not set"))
        .anyMatch(p -> p.startsWith("PORTCULLIS_JWT_AUDIENCE is not set"))
        .anyMatch(p -> p.contains("HS256: HMAC algorithms are refused"))
        .anyMatch(p -> p.contains("names none: unsigned tokens are never accepted"))
        .anyMatch(p -> p.contains("EdDSA needs Google Tink"))
        .anyMatch(p -> p.contains("unknown algorithm 'RS257'"))
        .anyMatch(p -> p.startsWith("PORTCULLIS_JWT_LEEWAY_SECONDS has an invalid value"))
        .anyMatch(p -> p.startsWith("PORTCULLIS_JWT_TOKEN_USE has an invalid value: use access"))
        .anyMatch(p -> p.contains("entry 'principalId=sub' does not make a context key"))
        .anyMatch(p -> p.contains("names attribute 'ok' twice"))
        .anyMatch(p -> p.startsWith("PORTCULLIS_JWT_JWKS_TIMEOUT_MS has an invalid value"))
        .anyMatch(p -> p.startsWith("PORTCULLIS_JWT_JWKS_MAX_AGE_SECONDS is 5"));
    assertThat(problems).allMatch(p -> p.startsWith("PORTCULLIS_JWT_"));
  }

  @Test
  void aTooShortMaximumAgeIsAProblem() {
    assertThat(problems("PORTCULLIS_JWT_JWKS_MAX_AGE_SECONDS", "5"))
        .containsExactly(
            "PORTCULLIS_JWT_JWKS_MAX_AGE_SECONDS is 5: use 0 (refresh only on an unknown key id)"
                + " or 60 to 86400");
  }

  @Test
  void aPlainHttpJwksUrlIsRefusedExceptToALoopbackAddress() {
    assertThat(problems("PORTCULLIS_JWT_JWKS_URL", "http://idp.example.com/jwks"))
        .singleElement()
        .asString()
        .startsWith("PORTCULLIS_JWT_JWKS_URL entry 'http://idp.example.com/jwks' is not an https");
    assertThat(problems("PORTCULLIS_JWT_JWKS_URL", "http://127.0.0.1:8080/jwks")).isEmpty();
    assertThat(problems("PORTCULLIS_JWT_JWKS_URL", "http://localhost:8080/jwks")).isEmpty();
    assertThat(problems("PORTCULLIS_JWT_JWKS_URL", "http://[::1]:8080/jwks")).isEmpty();
    assertThat(problems("PORTCULLIS_JWT_JWKS_URL", "file:///etc/jwks.json")).hasSize(1);
  }

  @Test
  void anIssuerThatIsNoUrlNeedsAnExplicitJwksUrl() {
    Map<String, String> env =
        Map.of("PORTCULLIS_JWT_ISSUER", "acme-idp", "PORTCULLIS_JWT_AUDIENCE", "api");

    assertThat(problems(env))
        .singleElement()
        .asString()
        .startsWith("PORTCULLIS_JWT_JWKS_URL is not set for issuer 'acme-idp'");
  }

  @Test
  void jwksUrlsMustMatchTheIssuersOneForOne() {
    assertThat(problems("PORTCULLIS_JWT_JWKS_URL", "https://a/jwks,https://b/jwks"))
        .singleElement()
        .asString()
        .startsWith("PORTCULLIS_JWT_JWKS_URL has 2 entries but PORTCULLIS_JWT_ISSUER names 1");
  }

  @Test
  void aJwksFileMustExistAndHoldOnlyPublicSigningKeys(@TempDir Path dir) throws IOException {
    Path missing = dir.resolve("missing.json");
    Path garbage = Files.writeString(dir.resolve("garbage.json"), "{\"not\":\"keys\"}");
    Path secret = Files.writeString(dir.resolve("secret.json"), new JWKSet(RSA).toString(false));

    assertThat(problems("PORTCULLIS_JWT_JWKS_FILE", missing.toString()))
        .singleElement()
        .asString()
        .contains("does not exist or cannot be read");
    assertThat(problems("PORTCULLIS_JWT_JWKS_FILE", garbage.toString()))
        .singleElement()
        .asString()
        .contains("is not a JWKS document");
    assertThat(problems("PORTCULLIS_JWT_JWKS_FILE", secret.toString()))
        .singleElement()
        .asString()
        .contains("holds private or symmetric key material");
    assertThat(problems("PORTCULLIS_JWT_JWKS_FILE", jwksFile(dir).toString())).isEmpty();
  }

  @Test
  void aRepeatedIssuerAndEmptyEntriesAreProblems() {
    assertThat(problems("PORTCULLIS_JWT_ISSUER", COGNITO + "," + COGNITO))
        .anyMatch(p -> p.startsWith("PORTCULLIS_JWT_ISSUER names an issuer twice"));
    assertThat(problems("PORTCULLIS_JWT_AUDIENCE", "client-1,,client-2"))
        .containsExactly("PORTCULLIS_JWT_AUDIENCE holds an empty entry: remove the extra comma");
  }

  @Test
  void blankValuesCountAsUnset() {
    Map<String, String> env = new HashMap<>(base());
    env.put("PORTCULLIS_JWT_ALGORITHMS", "  ");
    env.put("PORTCULLIS_JWT_TOKEN_USE", "");

    JwtSettings settings = valid(env);

    assertThat(settings.algorithms()).containsExactly("RS256");
    assertThat(settings.tokenUse()).isEmpty();
  }

  @Test
  void theJwtPageDocumentsEveryVariable() throws IOException {
    String page = Files.readString(Path.of("..", "docs", "jwt.md"));

    assertThat(JwtVariables.NAMES).allMatch(name -> page.contains("| `" + name + "` |"));
  }

  @Test
  void theRecordRefusesValuesTheReaderWouldNeverProduce() {
    JwtSettings good =
        JwtSettings.of(
            "https://idp.example.com", URI.create("https://idp.example.com/jwks"), "api");

    assertThatThrownBy(() -> withAlgorithms(good, List.of("RS256", "HS256")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("algorithms must be one or more of");
    assertThatThrownBy(() -> new ContextClaim("principalId", "sub"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not a context key");
    assertThatThrownBy(
            () -> new TrustedIssuer("", good.issuers().get(0).jwksUrl(), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static JwtSettings withAlgorithms(JwtSettings s, List<String> algorithms) {
    return new JwtSettings(
        s.issuers(),
        s.audiences(),
        s.audienceClaim(),
        algorithms,
        s.rolesClaims(),
        s.principalClaim(),
        s.leeway(),
        s.tokenUse(),
        s.contextClaims(),
        s.jwksTimeout(),
        s.minRefetchInterval(),
        s.jwksMaxAge());
  }

  private static Map<String, String> base() {
    return Map.of("PORTCULLIS_JWT_ISSUER", COGNITO, "PORTCULLIS_JWT_AUDIENCE", "client-1");
  }

  private static List<String> problems(String name, String value) {
    Map<String, String> env = new HashMap<>(base());
    env.put(name, value);
    return problems(env);
  }

  private static List<String> problems(Map<String, String> env) {
    SettingsReader reader = SettingsReader.environment(env);
    new JwtVariables(reader).read();
    return reader.problems();
  }

  private static JwtSettings valid(Map<String, String> env) {
    SettingsReader reader = SettingsReader.environment(env);
    Optional<JwtSettings> settings = new JwtVariables(reader).read();
    assertThat(reader.problems()).isEmpty();
    return settings.orElseThrow();
  }

  private static RSAKey rsaKey() {
    try {
      return new RSAKeyGenerator(2048).keyID("rsa-1").generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Path jwksFile(Path dir) throws IOException {
    return Files.writeString(dir.resolve("jwks.json"), new JWKSet(RSA).toPublicJWKSet().toString());
  }
}
