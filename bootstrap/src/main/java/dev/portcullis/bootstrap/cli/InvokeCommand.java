package dev.portcullis.bootstrap.cli;

import dev.portcullis.adapters.lambda.AuthorizerAdapter;
import dev.portcullis.adapters.lambda.AuthorizerFailureException;
import dev.portcullis.adapters.lambda.UnauthorizedException;
import dev.portcullis.bootstrap.Portcullis;
import dev.portcullis.bootstrap.config.Configuration;
import dev.portcullis.domain.port.out.BackendUnavailableException;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import javax.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code invoke [FILE|-]}: runs one event through exactly the wiring Lambda uses. */
@Command(
    name = "invoke",
    mixinStandardHelpOptions = true,
    versionProvider = ManifestVersion.class,
    header = "Run one authorizer event through the handler and print its response.",
    description = {
      "Runs one API Gateway authorizer event (REST TOKEN or REQUEST, HTTP API 1.0 or 2.0,"
          + " WebSocket $connect) through exactly the wiring that Lambda uses, configured by the"
          + " PORTCULLIS_* variables.",
      "",
      "Prints the response JSON and exits 0. When the outcome is Unauthorized, prints"
          + " {\"errorMessage\":\"Unauthorized\"} and exits 1. Any other failure goes to standard"
          + " error, with its cause, and exits 2. A short line on standard error says what was"
          + " decided (--log json prints the JSON line Lambda writes instead)."
    },
    footer = {
      "",
      "Example:",
      "  PORTCULLIS_RULES=file:docs/examples/rules.json \\",
      "  PORTCULLIS_SESSIONS_FILE=docs/examples/sessions.json \\",
      "  java -jar bootstrap/target/portcullis.jar invoke docs/examples/events/rest-token.json"
    })
public final class InvokeCommand implements Callable<Integer> {

  @Mixin CommonOptions common;

  @Parameters(
      arity = "0..1",
      paramLabel = "FILE",
      defaultValue = "-",
      description = "A JSON authorizer event; - or nothing reads standard input.")
  String source;

  @Option(
      names = "--log",
      paramLabel = "FORMAT",
      defaultValue = "short",
      completionCandidates = LogFormats.class,
      description = "short: one human line per decision (default); json: Lambda's JSON line.")
  String log;

  private final Terminal terminal;
  private final Clock clock;

  @Inject
  InvokeCommand(Terminal terminal, Clock clock) {
    this.terminal = terminal;
    this.clock = clock;
  }

  @Override
  public Integer call() throws Exception {
    if (!LogFormats.NAMES.contains(log)) {
      throw new UsageException("--log '" + log + "' is not one of " + LogFormats.NAMES);
    }
    Environment env = common.environment(terminal);
    Configuration configuration = Configuration.fromEnvironment(env.variables());
    configuration.warnings().forEach(w -> terminal.err().println("warning: " + w));
    AuthorizerAdapter authorizer =
        (log.equals("json")
                ? Portcullis.build(configuration, env.variables(), terminal.err())
                : Portcullis.build(configuration, clock, new DecisionLine(terminal.err())))
            .authorizer();
    ByteArrayOutputStream response = new ByteArrayOutputStream();
    try (InputStream event =
        source.equals("-") ? terminal.in() : Files.newInputStream(Path.of(source))) {
      authorizer.handle(event, response, "cli-" + UUID.randomUUID());
    } catch (UnauthorizedException e) {
      terminal.out().println("{\"errorMessage\":\"Unauthorized\"}");
      return Main.UNAUTHORIZED;
    } catch (AuthorizerFailureException e) {
      terminal.err().println(e.getMessage());
      if (e.getCause() instanceof BackendUnavailableException cause) {
        terminal.err().println("cause: " + Failures.firstLine(cause));
      }
      return Main.FAILURE;
    } catch (NoSuchFileException e) {
      throw new UsageException("no such file: " + source);
    }
    terminal.out().println(response.toString(StandardCharsets.UTF_8));
    return Main.DONE;
  }

  /** The values of {@code --log}. */
  static final class LogFormats implements Iterable<String> {
    static final List<String> NAMES = List.of("short", "json");

    @Override
    public java.util.Iterator<String> iterator() {
      return NAMES.iterator();
    }
  }
}
