package dev.portcullis.bootstrap.cli;

import dev.portcullis.bootstrap.wiring.CliComponent;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import picocli.CommandLine;

/** The {@code portcullis} command line: {@code java -jar portcullis.jar COMMAND [ARGS]}. */
public final class Main {

  /** Exit code of a command that did what it was asked. */
  static final int DONE = 0;

  /** Exit code of {@code Unauthorized}, and of a revocation that found no session. */
  static final int UNAUTHORIZED = 1;

  /** Exit code of bad usage, broken configuration and failures other than Unauthorized. */
  static final int FAILURE = 2;

  /** Wide enough for the examples' command lines, narrow enough for a terminal. */
  static final int USAGE_WIDTH = 100;

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, Terminal.system()));
  }

  /** Runs one command line; the exit code comes from picocli's {@code execute}. */
  public static int run(String[] args, Terminal terminal) {
    return commandLine(terminal).execute(args);
  }

  /** The whole command tree, its commands built by Dagger through picocli's factory. */
  static CommandLine commandLine(Terminal terminal) {
    CliComponent component = CliComponent.create(terminal, Clock.systemUTC());
    CommandLine cli = new CommandLine(PortcullisCommand.class, component.commandFactory());
    cli.setOut(new PrintWriter(terminal.out(), true, StandardCharsets.UTF_8));
    cli.setErr(new PrintWriter(terminal.err(), true, StandardCharsets.UTF_8));
    cli.setParameterExceptionHandler(new Failures.BadUsage());
    cli.setExecutionExceptionHandler(new Failures.FailedRun());
    cli.setUsageHelpWidth(USAGE_WIDTH);
    return cli;
  }
}
