package dev.portcullis.bootstrap;

import static dev.portcullis.bootstrap.TokenEvents.invoke;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.portcullis.adapters.lambda.AuthorizerAdapter;
import dev.portcullis.adapters.lambda.DecisionRecord;
import dev.portcullis.bootstrap.config.Configuration;
import dev.portcullis.bootstrap.config.ConfigurationException;
import dev.portcullis.bootstrap.wiring.PortcullisComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Grants scoped to the caller through the production wiring: seed attributes (memory) and mapped
 * JWT claims filled in, an unsafe value dropping the grant, and start-up refusing a grant that no
 * configured backend can fill.
 */
class ScopedGrantsTest {

  static final String RULES =
      "{\"roles\": {\"member\": [\"GET /tenants/${tenant}/*\","
          + " \"PUT /users/${principalId}/profile\"]}}";
  static final String STAGE = "arn:aws:execute-api:us-east-1:123456789012:abcdef1234/prod/";
  private static final String ISSUER = SignedTokens.ISSUER;
  private static final String AUDIENCE = SignedTokens.AUDIENCE;
  private static final String ACME = "pcs_scoped_acme_000000000000000000000000000000";
  private static final String UNSAFE = "pcs_scoped_unsafe_0000000000000000000000000000";
  private static RSAKey key;

  @TempDir static Path dir;

  private final List<DecisionRecord> records = new ArrayList<>();

  @BeforeAll
  static void keys() throws Exception {
    key = new RSAKeyGenerator(2048).keyID("k1").generate();
  }

  @Test
  void a_seed_attribute_is_filled_in_and_an_unsafe_one_drops_the_grant_with_a_logged_reason()
      throws Exception {
    // Arrange
    Path seed =
        Files.writeString(
            dir.resolve("sessions.json"),
            "{\"sessions\": ["
                + session(ACME, "alice", "acme")
                + ","
                + session(UNSAFE, "eve", "..")
                + "]}");
    AuthorizerAdapter authorizer =
        authorizer(
            Map.of("PORTCULLIS_BACKENDS", "memory", "PORTCULLIS_SESSIONS_FILE", seed.toString()));

    // Act
    String acme = invoke(authorizer, ACME);
    String unsafe = invoke(authorizer, UNSAFE);

    // Assert
    assertThat(acme)
        .contains("\"" + STAGE + "GET/tenants/acme/*\"")
        .contains("\"" + STAGE + "PUT/users/alice/profile\"");
    assertThat(unsafe).doesNotContain("tenants").contains(STAGE + "PUT/users/eve/profile");
    assertThat(records.get(1).droppedGrants())
        .containsExactly(
            "grant 'GET /tenants/${tenant}/*' dropped: the value of 'tenant' is not a plain path"
                + " segment (1 to 64 letters, digits, - _ . and not . or .. alone)");
    assertThat(records.get(0).droppedGrants()).isEmpty();
  }

  @Test
  void a_mapped_jwt_claim_is_filled_in_and_an_unsafe_one_drops_the_grant() throws Exception {
    // Arrange
    Path jwks =
        Files.writeString(dir.resolve("jwks.json"), new JWKSet(key.toPublicJWK()).toString());
    AuthorizerAdapter authorizer =
        authorizer(
            Map.of(
                "PORTCULLIS_BACKENDS",
                "jwt",
                "PORTCULLIS_JWT_ISSUER",
                ISSUER,
                "PORTCULLIS_JWT_AUDIENCE",
                AUDIENCE,
                "PORTCULLIS_JWT_JWKS_FILE",
                jwks.toString(),
                "PORTCULLIS_JWT_CONTEXT_CLAIMS",
                "tenant=org"));

    // Act
    String acme = invoke(authorizer, jwt("frank", "acme"));
    String unsafe = invoke(authorizer, jwt("frank", "acme/../globex"));

    // Assert
    assertThat(acme).contains("\"" + STAGE + "GET/tenants/acme/*\"");
    assertThat(unsafe).doesNotContain("tenants").contains(STAGE + "PUT/users/frank/profile");
    assertThat(records.get(1).droppedGrants()).hasSize(1);
  }

  @Test
  void start_up_refuses_a_grant_whose_attribute_no_configured_backend_can_supply() {
    Map<String, String> env = new HashMap<>(jwtOnly());
    env.put("PORTCULLIS_NOPE", "x");

    assertThatThrownBy(() -> Configuration.fromEnvironment(env))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(
            "PORTCULLIS_RULES: role 'member': grant 'GET /tenants/${tenant}/*' names attribute"
                + " 'tenant', which no JWT claim is mapped to: add tenant=CLAIM to"
                + " PORTCULLIS_JWT_CONTEXT_CLAIMS, or no configured backend supplies it")
        .hasMessageContaining("PORTCULLIS_NOPE is not a Portcullis variable");
  }

  @Test
  void beside_a_session_backend_an_unmapped_claim_is_only_a_warning() throws Exception {
    Map<String, String> env = new HashMap<>(jwtOnly());
    env.put("PORTCULLIS_BACKENDS", "jwt,memory");
    Path jwks =
        Files.writeString(dir.resolve("jwks2.json"), new JWKSet(key.toPublicJWK()).toString());
    env.put("PORTCULLIS_JWT_JWKS_FILE", jwks.toString());

    List<String> warnings = Configuration.fromEnvironment(env).warnings();

    assertThat(warnings)
        .anySatisfy(
            w -> assertThat(w).contains("names attribute 'tenant'").endsWith("never get it"));
  }

  /** JWT alone, with no claim mapped. */
  private static Map<String, String> jwtOnly() {
    return Map.of(
        "PORTCULLIS_BACKENDS", "jwt",
        "PORTCULLIS_RULES", RULES,
        "PORTCULLIS_JWT_ISSUER", ISSUER,
        "PORTCULLIS_JWT_AUDIENCE", AUDIENCE);
  }

  private AuthorizerAdapter authorizer(Map<String, String> backend) {
    Map<String, String> env = new HashMap<>(backend);
    env.put("PORTCULLIS_RULES", RULES);
    return PortcullisComponent.create(
            Configuration.fromEnvironment(env), Clock.systemUTC(), records::add)
        .authorizer();
  }

  private static String session(String token, String principal, String tenant) {
    return "{\"token\": \""
        + token
        + "\", \"principalId\": \""
        + principal
        + "\", \"roles\": [\"member\"], \"expiresAt\": \"2099-01-01T00:00:00Z\","
        + " \"attributes\": {\"tenant\": \""
        + tenant
        + "\"}}";
  }

  private static String jwt(String subject, String org) throws Exception {
    return SignedTokens.jwt(key, subject, Map.of("roles", List.of("member"), "org", org));
  }
}
