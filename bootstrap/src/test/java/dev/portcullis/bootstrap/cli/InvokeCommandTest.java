package dev.portcullis.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InvokeCommandTest {

  private static final Path EXAMPLES = Path.of("..", "docs", "examples");
  private static final String EVENT = EXAMPLES.resolve("events/rest-token.json").toString();
  private static final String DENIED_TOKEN = "pcs_no_such_session_0000000000000000000000000";

  private final InProcessCli cli = new InProcessCli();
  private final Map<String, String> env = cli.env;

  @BeforeEach
  void configure() {
    cli.useExampleWorld();
  }

  @Test
  void anAllowedEventPrintsTheResponseAndOneShortDecisionLine() {
    int code = cli.run("", "invoke", EVENT);

    assertThat(code).isZero();
    assertThat(cli.stdout())
        .startsWith("{\"principalId\":\"alice\"")
        .contains("\"Effect\":\"Allow\"");
    assertThat(cli.stderr())
        .isEqualTo("decision: allow, principal alice, backend memory, reason allowed\n");
  }

  @Test
  void logJsonPrintsTheDecisionLineLambdaWrites() {
    int code = cli.run("", "invoke", "--log", "json", EVENT);

    assertThat(code).isZero();
    assertThat(cli.stderr())
        .startsWith("{\"timestamp\":")
        .contains("\"outcome\":\"allow\"")
        .contains("\"principalId\":\"alice\"")
        .doesNotContain("pcs_demo_admin");
  }

  @Test
  void anUnknownLogFormatIsAUsageError() {
    int code = cli.run("", "invoke", "--log", "xml", EVENT);

    assertThat(code).isEqualTo(2);
    assertThat(cli.stderr()).contains("--log 'xml' is not one of [short, json]");
  }

  @Test
  void standardInputIsReadAndUnauthorizedExits1WithTheUnauthorizedMessage() {
    String event =
        "{\"type\":\"TOKEN\",\"authorizationToken\":\"Bearer "
            + DENIED_TOKEN
            + "\",\"methodArn\":\"arn:aws:execute-api:us-east-1:123456789012:abcdef1234/prod/GET/orders\"}";

    int code = cli.run(event, "invoke", "-");

    assertThat(code).isEqualTo(1);
    assertThat(cli.stdout()).isEqualTo("{\"errorMessage\":\"Unauthorized\"}\n");
    assertThat(cli.stderr()).startsWith("decision: unauthenticated, reason ");
    assertThat(cli.stdout() + cli.stderr()).doesNotContain(DENIED_TOKEN);
  }

  @Test
  void anUnusableEventExits2WithAClearErrorThatTheShortLineDoesNotHide() {
    int code = cli.run("[1,2,3]", "invoke");

    assertThat(code).isEqualTo(2);
    assertThat(cli.stdout()).isEmpty();
    assertThat(cli.stderr())
        .contains("decision: invalid_event")
        .contains("Invalid authorizer event");
  }

  @Test
  void aBrokenConfigurationExits2AndNamesEveryProblem() {
    env.remove("PORTCULLIS_RULES");
    env.put("PORTCULLIS_BACKENDS", "memory,ldap");

    int code = cli.run("", "invoke", EVENT);

    assertThat(code).isEqualTo(2);
    assertThat(cli.stderr())
        .contains("Portcullis configuration is invalid (2 problems)")
        .contains("PORTCULLIS_RULES is not set")
        .contains("unknown backend 'ldap'");
  }

  @Test
  void aMissingFileExits2() {
    int code = cli.run("", "invoke", "no-such-event.json");

    assertThat(code).isEqualTo(2);
    assertThat(cli.stderr()).contains("no such file: no-such-event.json");
  }

  @Test
  void aVariableForABackendOutsideTheChainIsAWarningLineNotAFailure() {
    env.put("PORTCULLIS_TABLE", "portcullis-sessions");

    int code = cli.run("", "invoke", EVENT);

    assertThat(code).isZero();
    assertThat(cli.stderr())
        .startsWith(
            "warning: PORTCULLIS_TABLE is set, but PORTCULLIS_BACKENDS does not name dynamodb");
  }

  @Test
  void theEnvFileConfiguresTheCommandAndTheEnvironmentWinsOverIt(@TempDir Path dir)
      throws Exception {
    env.clear();
    env.put("PORTCULLIS_SESSIONS_FILE", EXAMPLES.resolve("sessions.json").toString());
    Path file =
        Files.writeString(
            dir.resolve("local.env"),
            "# the example rules\n"
                + "export PORTCULLIS_RULES=\"file:"
                + EXAMPLES.resolve("rules.json")
                + "\"\n"
                + "PORTCULLIS_SESSIONS_FILE=/no/such/file.json # the environment's wins\n");

    int code = cli.run("", "invoke", "--env-file", file.toString(), EVENT);

    assertThat(code).isZero();
    assertThat(cli.stdout()).startsWith("{\"principalId\":\"alice\"");
  }

  @Test
  void aMissingEnvFileIsAUsageError() {
    int code = cli.run("", "invoke", "--env-file", "no-such.env", EVENT);

    assertThat(code).isEqualTo(2);
    assertThat(cli.stderr()).contains("--env-file no-such.env: no such file");
  }
}
