package dev.portcullis.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The command line as a whole: help, version, usage errors, exit codes and completion. */
class CommandLineTest {

  private static final Path EXAMPLES = Path.of("..", "docs", "examples");

  private final InProcessCli cli = new InProcessCli();

  @BeforeEach
  void configure() {
    cli.env.put("PORTCULLIS_RULES", "file:" + EXAMPLES.resolve("rules.json"));
  }

  @Test
  void withoutACommandTheUsageGoesToStandardErrorWithExitCode2() {
    int code = cli.run("");

    assertThat(code).isEqualTo(2);
    assertThat(cli.stdout()).isEmpty();
    assertThat(cli.stderr())
        .contains("Usage: portcullis [-hV] [--env-file=FILE] COMMAND")
        .contains("invoke", "check", "sessions", "table", "serve", "completion")
        .contains("Exit codes:");
  }

  @Test
  void everyCommandAndSubcommandHasItsOwnHelp() {
    List<List<String>> commands =
        List.of(
            List.of("invoke"),
            List.of("check"),
            List.of("sessions"),
            List.of("sessions", "issue"),
            List.of("sessions", "revoke"),
            List.of("sessions", "revoke-all"),
            List.of("sessions", "list"),
            List.of("table"),
            List.of("table", "create"),
            List.of("serve"),
            List.of("completion"));
    List<String> helps = new ArrayList<>();
    for (List<String> command : commands) {
      for (String flag : List.of("--help", "-h")) {
        List<String> args = new ArrayList<>(command);
        args.add(flag);

        int code = cli.run("", args.toArray(String[]::new));

        assertThat(code).as(String.join(" ", args)).isZero();
        assertThat(cli.stdout())
            .as(String.join(" ", args))
            .contains("Usage: portcullis " + String.join(" ", command) + " [-hV]")
            .contains("--env-file");
        if (flag.equals("--help")) {
          helps.add(cli.stdout());
        }
      }
    }
    assertThat(helps).doesNotHaveDuplicates();
    assertThat(helps.get(3)).contains("--allow-unknown-roles").doesNotContain("revoke-all");
  }

  @Test
  void versionIsOnEveryCommandAndSaysUnknownOutsideTheJar() {
    List<String[]> lines =
        List.of(
            new String[] {"--version"},
            new String[] {"-V"},
            new String[] {"sessions", "issue", "-V"});
    for (String[] args : lines) {

      int code = cli.run("", args);

      assertThat(code).isZero();
      assertThat(cli.stdout()).isEqualTo("portcullis unknown (commit unknown)\n");
    }
  }

  @Test
  void anUnknownCommandIsAUsageErrorThatSuggestsTheClosestOne() {
    int code = cli.run("", "sesions", "list");

    assertThat(code).isEqualTo(2);
    assertThat(cli.stdout()).isEmpty();
    assertThat(cli.stderr())
        .contains("'sesions'")
        .contains("Did you mean: portcullis sessions")
        .contains("Run 'portcullis --help' for usage.");
  }

  @Test
  void anUnknownOptionIsAUsageErrorThatSuggestsTheClosestOne() {
    int code = cli.run("", "sessions", "list", "--principal", "alice", "--jsno");

    assertThat(code).isEqualTo(2);
    assertThat(cli.stderr())
        .startsWith("portcullis sessions list: Unknown option: '--jsno'")
        .contains("Possible solutions: --json")
        .contains("Run 'portcullis sessions list --help' for usage.");
  }

  @Test
  void aMissingRequiredOptionIsAUsageError() {
    int code = cli.run("", "sessions", "revoke-all");

    assertThat(code).isEqualTo(2);
    assertThat(cli.stderr()).contains("Missing required option: '--principal=P'");
  }

  @Test
  void aGroupWithoutItsSubcommandPrintsItsUsageOnStandardError() {
    for (String group : List.of("sessions", "table")) {

      int code = cli.run("", group);

      assertThat(code).isEqualTo(2);
      assertThat(cli.stdout()).isEmpty();
      assertThat(cli.stderr()).contains("Usage: portcullis " + group + " [-hV]");
    }
  }

  @Test
  void completionPrintsABashScriptForEveryCommandAndOption() {
    int code = cli.run("", "completion");

    assertThat(code).isZero();
    assertThat(cli.stdout())
        .contains("complete -F _complete_portcullis")
        .contains("revoke-all")
        .contains("--allow-unknown-roles")
        .contains("--env-file")
        .contains("--offline");
  }
}
