package dev.portcullis.bootstrap.cli;

import dev.portcullis.bootstrap.config.ConfigurationException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code portcullis} command line: {@code java -jar portcullis.jar COMMAND [ARGS]}. */
public final class Main {

  /** Exit code for bad usage, broken configuration and failures other than Unauthorized. */
  static final int FAILURE = 2;

  private final Map<String, Command> commands = new LinkedHashMap<>();

  Main(List<Command> commands) {
    commands.forEach(c -> this.commands.put(c.name(), c));
  }

  static Main standard() {
    return new Main(
        List.of(
            new InvokeCommand(),
            new CheckCommand(),
            new SessionsCommand(java.time.Clock.systemUTC()),
            new TableCommand(),
            new ServeCommand()));
  }

  public static void main(String[] args) {
    System.exit(standard().run(Arrays.asList(args), Terminal.system()));
  }

  int run(List<String> args, Terminal terminal) {
    if (args.isEmpty() || isHelp(args.get(0)) || args.get(0).equals("help")) {
      if (args.size() > 1 && commands.containsKey(args.get(1))) {
        terminal.out().print(commands.get(args.get(1)).help());
        return 0;
      }
      terminal.out().print(usage());
      return args.isEmpty() ? FAILURE : 0;
    }
    Command command = commands.get(args.get(0));
    if (command == null) {
      terminal.err().println("portcullis: unknown command '" + args.get(0) + "'");
      terminal.err().print(usage());
      return FAILURE;
    }
    List<String> rest = args.subList(1, args.size());
    if (rest.stream().anyMatch(Main::isHelp)) {
      terminal.out().print(command.help());
      return 0;
    }
    try {
      return command.run(rest, terminal);
    } catch (ConfigurationException e) {
      terminal.err().println(e.getMessage());
      return FAILURE;
    } catch (UsageException e) {
      terminal.err().println("portcullis " + command.name() + ": " + e.getMessage());
      terminal.err().println("Run 'portcullis " + command.name() + " --help' for usage.");
      return FAILURE;
    } catch (Exception e) {
      terminal.err().println("portcullis " + command.name() + ": " + e.getMessage());
      return FAILURE;
    }
  }

  private String usage() {
    StringBuilder text =
        new StringBuilder(
            "Usage: java -jar portcullis.jar COMMAND [ARGS]\n\n"
                + "Portcullis, an API Gateway Lambda authorizer, as a command-line tool.\n"
                + "Configuration comes from PORTCULLIS_* environment variables"
                + " (docs/configuration.md).\n\nCommands:\n");
    commands
        .values()
        .forEach(c -> text.append(String.format("  %-10s %s%n", c.name(), c.summary())));
    text.append("\nRun 'java -jar portcullis.jar COMMAND --help' for a command's options.\n");
    return text.toString();
  }

  private static boolean isHelp(String arg) {
    return arg.equals("--help") || arg.equals("-h");
  }
}
