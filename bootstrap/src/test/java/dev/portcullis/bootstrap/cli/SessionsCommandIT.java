package dev.portcullis.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.adapters.dynamodb.LocalDynamoDb;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@code table} and {@code sessions} commands against a real DynamoDB-compatible server. */
class SessionsCommandIT {

  @RegisterExtension static final LocalDynamoDb DYNAMODB = LocalDynamoDb.chosen();

  private final InProcessCli cli = new InProcessCli();
  private final Map<String, String> env = cli.env;

  @BeforeEach
  void configure() {
    env.put("PORTCULLIS_BACKENDS", "dynamodb");
    env.put("PORTCULLIS_TABLE", "cli-" + System.nanoTime());
    env.put("AWS_REGION", LocalDynamoDb.REGION);
    env.put("AWS_ENDPOINT_URL_DYNAMODB", DYNAMODB.endpoint().toString());
    env.put("PORTCULLIS_RULES", "file:" + Path.of("..", "docs", "examples", "rules.json"));
  }

  @Test
  void a_session_is_issued_listed_by_fingerprint_revoked_and_its_principal_revoked_in_full() {
    assertThat(run("", "table", "create")).isZero();

    assertThat(
            run(
                "",
                "sessions",
                "issue",
                "--principal",
                "dana",
                "--roles",
                "reader,admin",
                "--ttl",
                "8h",
                "--attr",
                "tenant=acme"))
        .isZero();
    String first = stdout().trim();
    assertThat(
            run("", "sessions", "issue", "--principal", "dana", "--roles", "reader", "--ttl", "1h"))
        .isZero();
    String second = stdout().trim();
    assertThat(run("", "sessions", "list", "--principal", "dana")).isZero();
    String listing = stdout();
    assertThat(run(first + "\n", "sessions", "revoke", "-")).isZero();
    String revoked = stdout();
    assertThat(run("", "sessions", "revoke-all", "--principal", "dana")).isZero();
    String revokedAll = stdout();
    assertThat(run("", "sessions", "revoke", "pcs_no_such_session_000000000000000000000000000"))
        .isEqualTo(1);

    assertThat(first).startsWith("pcs_").hasSizeGreaterThanOrEqualTo(47);
    assertThat(second).isNotEqualTo(first);
    assertThat(listing)
        .startsWith("FINGERPRINT")
        .contains("admin,reader")
        .doesNotContain(first)
        .doesNotContain(second);
    assertThat(listing.lines()).hasSize(3).allSatisfy(l -> assertThat(l).doesNotContain("revoked"));
    assertThat(revoked).isEqualTo("revoked\n");
    assertThat(revokedAll).as("the first was already revoked").isEqualTo("revoked 1 session\n");
    assertThat(cli.allStderr()).doesNotContain(first).doesNotContain(second);
  }

  @Test
  void check_probes_the_table_before_and_after_table_create() throws Exception {
    assertThat(run("", "check")).isEqualTo(2);
    assertThat(stderr())
        .contains("table '" + env.get("PORTCULLIS_TABLE") + "' does not exist")
        .contains("table create");

    assertThat(run("", "table", "create")).isZero();
    assertThat(run("", "check")).isZero();
    assertThat(stdout())
        .startsWith("Portcullis configuration is valid.")
        .contains("dynamodb:         table " + env.get("PORTCULLIS_TABLE"));

    assertThat(run("", "check", "--offline")).isZero();
  }

  @Test
  void an_unknown_role_is_issued_only_when_allowed_and_list_json_shows_it() throws Exception {
    assertThat(run("", "table", "create")).isZero();
    assertThat(
            run(
                "",
                "sessions",
                "issue",
                "--principal",
                "erin",
                "--roles",
                "auditor",
                "--ttl",
                "1h"))
        .isEqualTo(2);
    assertThat(stderr()).contains("'auditor', which PORTCULLIS_RULES does not define");

    assertThat(
            run(
                "",
                "sessions",
                "issue",
                "--principal",
                "erin",
                "--roles",
                "auditor",
                "--ttl",
                "1h",
                "--attr",
                "tenant=acme",
                "--allow-unknown-roles"))
        .isZero();
    String token = stdout().trim();
    assertThat(run("", "sessions", "list", "--principal", "erin", "--json")).isZero();

    JsonNode sessions = new ObjectMapper().readTree(stdout());
    assertThat(sessions).hasSize(1);
    assertThat(sessions.get(0).get("principalId").asText()).isEqualTo("erin");
    assertThat(sessions.get(0).get("state").asText()).isEqualTo("live");
    assertThat(sessions.get(0).get("roles").get(0).asText()).isEqualTo("auditor");
    assertThat(sessions.get(0).get("attributes").get("tenant").asText()).isEqualTo("acme");
    assertThat(sessions.get(0).get("fingerprint").asText()).hasSize(64);
    assertThat(stdout()).doesNotContain(token);
  }

  @Test
  void invoke_names_the_cause_when_the_table_does_not_exist() {
    String event =
        "{\"type\":\"TOKEN\",\"authorizationToken\":\"Bearer"
            + " pcs_no_such_session_0000000000000000000000000\",\"methodArn\":"
            + "\"arn:aws:execute-api:us-east-1:123456789012:abcdef1234/prod/GET/orders\"}";

    int code = run(event, "invoke", "-");

    assertThat(code).isEqualTo(2);
    assertThat(stdout()).isEmpty();
    assertThat(stderr())
        .contains("decision: error, backend dynamodb")
        .contains("Authorizer failure: backend 'dynamodb' cannot answer")
        .contains(
            "cause: backend 'dynamodb' cannot answer: table '"
                + env.get("PORTCULLIS_TABLE")
                + "' does not exist")
        .doesNotContain("pcs_no_such_session");
  }

  @Test
  void issue_refuses_a_bad_ttl_with_exit_code_2() {
    int code =
        run(
            "",
            "sessions",
            "issue",
            "--principal",
            "dana",
            "--roles",
            "reader",
            "--ttl",
            "forever");

    assertThat(code).isEqualTo(2);
    assertThat(stderr())
        .contains("'forever' is not a positive duration such as 90s, 30m, 8h or 7d");
  }

  private int run(String stdin, String... args) {
    return cli.run(stdin, args);
  }

  private String stdout() {
    return cli.stdout();
  }

  private String stderr() {
    return cli.stderr();
  }
}
