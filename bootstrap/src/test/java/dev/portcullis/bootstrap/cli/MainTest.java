package dev.portcullis.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MainTest {

  private static final Path EXAMPLES = Path.of("..", "docs", "examples");
  private static final String DENIED_TOKEN = "pcs_no_such_session_0000000000000000000000000";

  private final CommandLine cli = new CommandLine();
  private final Map<String, String> env = cli.env;

  @BeforeEach
  void configure() {
    env.put("PORTCULLIS_RULES", "file:" + EXAMPLES.resolve("rules.json"));
    env.put("PORTCULLIS_SESSIONS_FILE", EXAMPLES.resolve("sessions.json").toString());
  }

  @Test
  void invoke_prints_the_response_and_exits_0_for_an_allowed_event() {
    int code = run("", "invoke", EXAMPLES.resolve("events/rest-token.json").toString());

    assertThat(code).isZero();
    assertThat(stdout()).startsWith("{\"principalId\":\"alice\"").contains("\"Effect\":\"Allow\"");
    assertThat(stderr()).contains("\"outcome\":\"allow\"").doesNotContain("pcs_demo_admin");
  }

  @Test
  void invoke_reads_standard_input_and_exits_1_with_the_unauthorized_message() {
    String event =
        "{\"type\":\"TOKEN\",\"authorizationToken\":\"Bearer "
            + DENIED_TOKEN
            + "\",\"methodArn\":\"arn:aws:execute-api:us-east-1:123456789012:abcdef1234/prod/GET/orders\"}";

    int code = run(event, "invoke", "-");

    assertThat(code).isEqualTo(1);
    assertThat(stdout()).isEqualTo("{\"errorMessage\":\"Unauthorized\"}\n");
    assertThat(stdout() + stderr()).doesNotContain(DENIED_TOKEN);
  }

  @Test
  void invoke_exits_2_with_a_clear_error_for_an_unusable_event() {
    int code = run("[1,2,3]", "invoke");

    assertThat(code).isEqualTo(2);
    assertThat(stdout()).isEmpty();
    assertThat(stderr()).contains("Invalid authorizer event");
  }

  @Test
  void invoke_exits_2_and_names_every_problem_of_a_broken_configuration() {
    env.remove("PORTCULLIS_RULES");
    env.put("PORTCULLIS_BACKENDS", "memory,ldap");

    int code = run("", "invoke", EXAMPLES.resolve("events/rest-token.json").toString());

    assertThat(code).isEqualTo(2);
    assertThat(stderr())
        .contains("Portcullis configuration is invalid (2 problems)")
        .contains("PORTCULLIS_RULES is not set")
        .contains("unknown backend 'ldap'");
  }

  @Test
  void invoke_exits_2_for_a_missing_file() {
    int code = run("", "invoke", "no-such-event.json");

    assertThat(code).isEqualTo(2);
    assertThat(stderr()).contains("no such file: no-such-event.json");
  }

  @Test
  void check_prints_the_configuration_without_any_token() {
    int code = run("", "check");

    assertThat(code).isZero();
    assertThat(stdout())
        .contains("Portcullis configuration is valid.")
        .contains("backends:        memory")
        .contains("admin: * /*")
        .doesNotContain("pcs_demo");
  }

  @Test
  void check_prints_the_jwt_issuers_and_audiences() {
    env.put("PORTCULLIS_BACKENDS", "jwt,memory");
    env.put("PORTCULLIS_JWT_ISSUER", "https://issuer.example.com/");
    env.put("PORTCULLIS_JWT_AUDIENCE", "portcullis");

    int code = run("", "check");

    assertThat(code).isZero();
    assertThat(stdout())
        .contains(
            "jwt:             issuers https://issuer.example.com/ (keys https://issuer.example.com/.well-known/jwks.json)")
        .contains("audiences portcullis")
        .contains("algorithms RS256");
  }

  @Test
  void check_exits_2_for_a_broken_configuration() {
    env.put("PORTCULLIS_HTTP_RESPONSE", "xml");

    int code = run("", "check");

    assertThat(code).isEqualTo(2);
    assertThat(stderr()).contains("PORTCULLIS_HTTP_RESPONSE");
  }

  @Test
  void every_command_has_help() {
    for (String command : List.of("invoke", "check")) {

      int code = run("", command, "--help");

      assertThat(code).isZero();
      assertThat(stdout()).startsWith("Usage: java -jar portcullis.jar " + command);
    }
  }

  @Test
  void an_unknown_command_lists_the_commands() {
    int code = run("", "frobnicate");

    assertThat(code).isEqualTo(2);
    assertThat(stderr())
        .contains("unknown command 'frobnicate'")
        .contains("invoke")
        .contains("check");
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
