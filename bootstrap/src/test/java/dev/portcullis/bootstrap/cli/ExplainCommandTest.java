package dev.portcullis.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests {@code explain}: the status, how it came about, and never the credential. */
class ExplainCommandTest {

  private static final Path EXAMPLES = Path.of("..", "docs", "examples");
  private static final String READER = "pcs_demo_reader_000000000000000000000000000000000";
  private static final String EXPIRED = "pcs_demo_expired_00000000000000000000000000000000";

  private final InProcessCli cli = new InProcessCli();
  private final Map<String, String> env = cli.env;

  @BeforeEach
  void configure() {
    cli.useExampleWorld();
  }

  @Test
  void aRouteTheRolesDoNotGrantIsExplainedAs403WithEachGrant() {
    int code = cli.run(READER + "\n", "explain", "--token-stdin", "DELETE", "/orders/42");

    assertThat(code).isZero();
    assertThat(cli.stdout())
        .startsWith("status: 403 (not_granted)\n")
        .contains("  memory: resolved (resolved)")
        .contains("  principal: bob")
        .contains("  role 'reader': GET /orders/*: does not cover the route")
        .contains("  Allow arn:aws:execute-api:us-east-1:123456789012:abcdef1234/prod/GET/orders/*")
        .contains("matched: no resource matches the route, so it is denied");
  }

  @Test
  void aGrantedRouteIsExplainedAs200WithTheResourceThatMatched() {
    int code = cli.run(READER, "explain", "--token-stdin", "GET", "/orders/42");

    assertThat(code).isZero();
    assertThat(cli.stdout())
        .startsWith("status: 200 (allowed)")
        .contains("  role 'reader': GET /orders/*: covers the route")
        .contains(
            "matched: arn:aws:execute-api:us-east-1:123456789012:abcdef1234/prod/GET/orders/*");
  }

  @Test
  void anExpiredTokenIsExplainedAs401AndExits1() {
    int code = cli.run(EXPIRED, "explain", "--token-stdin", "GET", "/orders");

    assertThat(code).isEqualTo(Main.UNAUTHORIZED);
    assertThat(cli.stdout()).startsWith("status: 401 (expired)").contains("memory: expired");
  }

  @Test
  void anEventFileIsExplainedOnItsOwnRoute() {
    int code =
        cli.run("", "explain", "--event", EXAMPLES.resolve("events/rest-token.json").toString());

    assertThat(code).isZero();
    assertThat(cli.stdout()).startsWith("status: 200 (allowed)").contains("principal: alice");
  }

  @Test
  void jsonGivesTheSameExplanationToScripts() throws Exception {
    int code = cli.run(READER, "explain", "--json", "--token-stdin", "POST", "/orders");

    assertThat(code).isZero();
    JsonNode json = new ObjectMapper().readTree(cli.stdout());
    assertThat(json.get("status").asInt()).isEqualTo(403);
    assertThat(json.get("reason").asText()).isEqualTo("not_granted");
    assertThat(json.get("identity").get("principalId").asText()).isEqualTo("bob");
    assertThat(json.get("grants").get(0).get("role").asText()).isEqualTo("*");
    assertThat(json.get("backends").get(0).get("outcome").asText()).isEqualTo("resolved");
  }

  @Test
  void aScopedGrantIsShownFilledInAndAnUnsafeValueAsDropped(@TempDir Path dir) throws Exception {
    // Arrange
    env.put("PORTCULLIS_RULES", "{\"roles\": {\"member\": [\"GET /tenants/${tenant}/*\"]}}");
    Path seed =
        Files.writeString(
            dir.resolve("sessions.json"),
            "{\"sessions\": [{\"token\": \"pcs_acme_token_0000000000000000000000000\","
                + " \"principalId\": \"alice\", \"roles\": [\"member\"], \"expiresAt\":"
                + " \"2099-01-01T00:00:00Z\", \"attributes\": {\"tenant\": \"acme\"}},"
                + " {\"token\": \"pcs_dots_token_0000000000000000000000000\","
                + " \"principalId\": \"eve\", \"roles\": [\"member\"], \"expiresAt\":"
                + " \"2099-01-01T00:00:00Z\", \"attributes\": {\"tenant\": \"..\"}}]}");
    env.put("PORTCULLIS_SESSIONS_FILE", seed.toString());

    // Act
    int acme =
        cli.run(
            "pcs_acme_token_0000000000000000000000000",
            "explain",
            "--token-stdin",
            "GET",
            "/tenants/globex/orders");
    String acmeText = cli.stdout();
    int dots =
        cli.run(
            "pcs_dots_token_0000000000000000000000000",
            "explain",
            "--token-stdin",
            "GET",
            "/tenants/x/orders");

    // Assert
    assertThat(acme).isZero();
    assertThat(acmeText)
        .startsWith("status: 403")
        .contains(
            "role 'member': GET /tenants/${tenant}/* as GET /tenants/acme/*: does not cover the"
                + " route");
    assertThat(dots).isZero();
    assertThat(cli.stdout())
        .contains("role 'member': GET /tenants/${tenant}/*: dropped, the value of 'tenant' is not");
  }

  @Test
  void theTokenNeverAppearsNorAny12CharacterSliceOfIt() {
    String token = "pcs_secretQ7xZk2Lm9Np4Rt6Vw8Yb1Cd3Fg5Hj0";
    for (String route : new String[] {"/orders", "/x"}) {
      cli.run(token + "\n", "explain", "--token-stdin", "GET", route);
      cli.run(token + "\n", "explain", "--json", "--token-stdin", "GET", route);
      cli.run(READER + "\n", "explain", "--token-stdin", "GET", route);
      String output = cli.stdout() + cli.allStderr();
      for (String secret : new String[] {token, READER}) {
        for (int i = 0; i + 12 <= secret.length(); i++) {
          assertThat(output).doesNotContain(secret.substring(i, i + 12));
        }
      }
    }
  }

  @Test
  void anUnreachableBackendIsExplainedAs500AndExits2() {
    env.put("PORTCULLIS_BACKENDS", "dynamodb");
    env.put("PORTCULLIS_TABLE", "portcullis-sessions");
    env.put("AWS_REGION", "us-east-1");
    env.put("AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:9");
    env.remove("PORTCULLIS_SESSIONS_FILE");

    int code = cli.run(READER, "explain", "--token-stdin", "GET", "/orders");

    assertThat(code).isEqualTo(Main.FAILURE);
    assertThat(cli.stdout())
        .startsWith("status: 500 (backend_unavailable)")
        .contains("dynamodb: cannot answer");
  }

  @Test
  void tokenStdinWithoutARouteIsAUsageError() {
    int code = cli.run(READER, "explain", "--token-stdin");

    assertThat(code).isEqualTo(Main.FAILURE);
    assertThat(cli.stderr()).contains("--token-stdin needs METHOD PATH");
  }
}
