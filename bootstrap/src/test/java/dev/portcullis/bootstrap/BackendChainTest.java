package dev.portcullis.bootstrap;

import static dev.portcullis.bootstrap.TokenEvents.invoke;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.portcullis.adapters.lambda.AuthorizerAdapter;
import dev.portcullis.adapters.lambda.AuthorizerFailureException;
import dev.portcullis.adapters.lambda.DecisionObserver;
import dev.portcullis.adapters.lambda.UnauthorizedException;
import dev.portcullis.bootstrap.config.Configuration;
import dev.portcullis.bootstrap.wiring.PortcullisComponent;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chain {@code jwt,memory} through the production wiring: a JWT goes to jwt, an opaque token to
 * the session store, and a backend that cannot answer fails the call rather than falling through.
 */
class BackendChainTest {

  private static final Path EXAMPLES = Path.of("..", "docs", "examples");
  private static final String ISSUER = "https://issuer.example.com/";
  private static final String AUDIENCE = "portcullis";
  private static RSAKey key;

  @TempDir static Path dir;

  @BeforeAll
  static void keys() throws Exception {
    key = new RSAKeyGenerator(2048).keyID("k1").generate();
  }

  @Test
  void a_jwt_is_verified_by_the_jwt_backend_and_gets_its_roles_policy() throws Exception {
    Path jwks =
        Files.writeString(dir.resolve("jwks.json"), new JWKSet(key.toPublicJWK()).toString());
    AuthorizerAdapter authorizer = authorizer(Map.of("PORTCULLIS_JWT_JWKS_FILE", jwks.toString()));

    String response = invoke(authorizer, jwt("frank", List.of("reader")));

    assertThat(response)
        .startsWith("{\"principalId\":\"frank\"")
        .contains("\"backend\":\"jwt\"")
        .contains("/prod/GET/orders\"");
  }

  @Test
  void an_opaque_token_goes_past_jwt_to_the_session_store() throws Exception {
    Path jwks =
        Files.writeString(dir.resolve("jwks2.json"), new JWKSet(key.toPublicJWK()).toString());
    AuthorizerAdapter authorizer = authorizer(Map.of("PORTCULLIS_JWT_JWKS_FILE", jwks.toString()));

    String response = invoke(authorizer, "pcs_demo_admin_0000000000000000000000000000000000");

    assertThat(response).contains("\"principalId\":\"alice\"").contains("\"backend\":\"memory\"");
  }

  @Test
  void a_jwt_backend_that_cannot_reach_its_keys_fails_the_call_and_never_falls_through()
      throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    AuthorizerAdapter authorizer =
        authorizer(
            Map.of(
                "PORTCULLIS_JWT_JWKS_URL",
                "http://127.0.0.1:" + closedPort + "/jwks.json",
                "PORTCULLIS_JWT_JWKS_TIMEOUT_MS",
                "300"));
    String token = jwt("frank", List.of("admin"));

    assertThatThrownBy(() -> invoke(authorizer, token))
        .isInstanceOf(AuthorizerFailureException.class)
        .hasMessageStartingWith("Authorizer failure: backend 'jwt' cannot answer")
        .hasMessageNotContaining(token);
  }

  @Test
  void a_forged_jwt_is_unauthorized() throws Exception {
    Path jwks =
        Files.writeString(dir.resolve("jwks3.json"), new JWKSet(key.toPublicJWK()).toString());
    AuthorizerAdapter authorizer = authorizer(Map.of("PORTCULLIS_JWT_JWKS_FILE", jwks.toString()));
    RSAKey attacker = new RSAKeyGenerator(2048).keyID("k1").generate();

    assertThatThrownBy(() -> invoke(authorizer, jwt("frank", List.of("admin"), attacker)))
        .isInstanceOf(UnauthorizedException.class);
  }

  private static AuthorizerAdapter authorizer(Map<String, String> jwt) {
    Map<String, String> env = new HashMap<>(jwt);
    env.put("PORTCULLIS_BACKENDS", "jwt,memory");
    env.put("PORTCULLIS_RULES", "file:" + EXAMPLES.resolve("rules.json"));
    env.put("PORTCULLIS_SESSIONS_FILE", EXAMPLES.resolve("sessions.json").toString());
    env.put("PORTCULLIS_JWT_ISSUER", ISSUER);
    env.put("PORTCULLIS_JWT_AUDIENCE", AUDIENCE);
    return PortcullisComponent.create(
            Configuration.fromEnvironment(env), Clock.systemUTC(), DecisionObserver.NONE)
        .authorizer();
  }

  private static String jwt(String subject, List<String> roles) throws Exception {
    return jwt(subject, roles, key);
  }

  private static String jwt(String subject, List<String> roles, RSAKey signer) throws Exception {
    return SignedTokens.jwt(signer, subject, Map.of("roles", roles));
  }
}
