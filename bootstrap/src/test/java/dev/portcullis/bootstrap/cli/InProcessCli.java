package dev.portcullis.bootstrap.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs the command line in-process, exactly as {@code main} does but with an environment and
 * captured streams, for tests.
 */
final class InProcessCli {

  final Map<String, String> env = new HashMap<>();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final StringBuilder allErr = new StringBuilder();

  /** The demo world of docs/examples: its rules, and its seed sessions in the memory backend. */
  void useExampleWorld() {
    Path examples = Path.of("..", "docs", "examples");
    env.put("PORTCULLIS_RULES", "file:" + examples.resolve("rules.json"));
    env.put("PORTCULLIS_SESSIONS_FILE", examples.resolve("sessions.json").toString());
  }

  /** Runs one command; both streams hold this run's output only. */
  int run(String stdin, String... args) {
    out.reset();
    err.reset();
    Terminal terminal =
        new Terminal(
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            env);
    int code = Main.run(args, terminal);
    allErr.append(stderr());
    return code;
  }

  String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  /** Standard error of every run so far, to check that nothing ever leaked there. */
  String allStderr() {
    return allErr.toString();
  }
}
