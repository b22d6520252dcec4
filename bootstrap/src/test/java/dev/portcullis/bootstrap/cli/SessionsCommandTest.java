package dev.portcullis.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the {@code sessions} and {@code table} commands refuse before they touch any store. */
class SessionsCommandTest {

  private static final Path EXAMPLES = Path.of("..", "docs", "examples");

  private final InProcessCli cli = new InProcessCli();
  private final Map<String, String> env = cli.env;

  @BeforeEach
  void configure() {
    env.put("PORTCULLIS_RULES", "file:" + EXAMPLES.resolve("rules.json"));
  }

  @Test
  void everyWriteRefusesTheInMemoryStoreAndNamesTheVariablesToSet() {
    List<String[]> writes =
        List.of(
            new String[] {
              "sessions", "issue", "--principal", "a", "--roles", "admin", "--ttl", "1h"
            },
            new String[] {"sessions", "revoke", "pcs_some_token_0000000000000000000000000000000"},
            new String[] {"sessions", "revoke-all", "--principal", "a"});
    for (String[] args : writes) {

      int code = cli.run("", args);

      assertThat(code).as(String.join(" ", args)).isEqualTo(2);
      assertThat(cli.stdout()).isEmpty();
      assertThat(cli.stderr())
          .contains("would write to the in-memory store, which ends with this command")
          .contains("PORTCULLIS_BACKENDS=dynamodb and PORTCULLIS_TABLE");
    }
  }

  @Test
  void listReadsTheMemoryBackendsSeedFile() {
    env.put("PORTCULLIS_SESSIONS_FILE", EXAMPLES.resolve("sessions.json").toString());

    int code = cli.run("", "sessions", "list", "--principal", "alice");

    assertThat(code).isZero();
    assertThat(cli.stdout()).startsWith("FINGERPRINT").contains("live").contains("admin");
  }

  @Test
  void aTableVariableWithoutTheDynamoDbBackendIsAnErrorThatNamesTheFix() {
    env.put("PORTCULLIS_TABLE", "portcullis-sessions");

    int code = cli.run("", "sessions", "list", "--principal", "alice");

    assertThat(code).isEqualTo(2);
    assertThat(cli.stderr())
        .contains(
            "PORTCULLIS_TABLE is set, but PORTCULLIS_BACKENDS does not name dynamodb, so it is"
                + " ignored: add dynamodb to PORTCULLIS_BACKENDS");
  }

  @Test
  void aJwtVariableWithoutTheJwtBackendIsAnErrorForTableCreateToo() {
    env.put("PORTCULLIS_BACKENDS", "dynamodb");
    env.put("PORTCULLIS_TABLE", "portcullis-sessions");
    env.put("AWS_REGION", "us-east-1");
    env.put("PORTCULLIS_JWT_ISSUER", "https://issuer.example.com/");

    int code = cli.run("", "table", "create");

    assertThat(code).isEqualTo(2);
    assertThat(cli.stderr())
        .contains("PORTCULLIS_JWT_ISSUER is set, but PORTCULLIS_BACKENDS does not name jwt");
  }

  @Test
  void tableCreateNeedsTheDynamoDbBackend() {
    int code = cli.run("", "table", "create");

    assertThat(code).isEqualTo(2);
    assertThat(cli.stderr())
        .contains("PORTCULLIS_BACKENDS does not name dynamodb, so there is no table to create");
  }

  @Test
  void aChainWithoutASessionStoreHasNothingToAdminister() {
    env.put("PORTCULLIS_BACKENDS", "jwt");
    env.put("PORTCULLIS_JWT_ISSUER", "https://issuer.example.com/");
    env.put("PORTCULLIS_JWT_AUDIENCE", "api");

    int code = cli.run("", "sessions", "list", "--principal", "alice");

    assertThat(code).isEqualTo(2);
    assertThat(cli.stderr()).contains("names no session store");
  }

  @Test
  void aRoleTheRulesDoNotDefineIsRefusedWithTheClosestOne() {
    env.put("PORTCULLIS_BACKENDS", "dynamodb");
    env.put("PORTCULLIS_TABLE", "portcullis-sessions");
    env.put("AWS_REGION", "us-east-1");
    env.put("AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:9");

    int code =
        cli.run(
            "", "sessions", "issue", "--principal", "a", "--roles", "reader,admn", "--ttl", "1h");

    assertThat(code).isEqualTo(2);
    assertThat(cli.stdout()).isEmpty();
    assertThat(cli.stderr())
        .contains(
            "--roles names 'admn', which PORTCULLIS_RULES does not define (did you mean admin?)")
        .contains("Roles defined: *, admin, reader")
        .contains("--allow-unknown-roles");
  }

  @Test
  void aBadTtlIsAUsageError() {
    int code =
        cli.run(
            "", "sessions", "issue", "--principal", "a", "--roles", "admin", "--ttl", "forever");

    assertThat(code).isEqualTo(2);
    assertThat(cli.stderr())
        .contains("Invalid value for option '--ttl'")
        .contains("'forever' is not a positive duration such as 90s, 30m, 8h or 7d");
  }
}
