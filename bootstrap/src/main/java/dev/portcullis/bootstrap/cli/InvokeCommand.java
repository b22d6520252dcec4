package dev.portcullis.bootstrap.cli;

import dev.portcullis.adapters.lambda.AuthorizerFailureException;
import dev.portcullis.adapters.lambda.UnauthorizedException;
import dev.portcullis.bootstrap.Portcullis;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/** {@code invoke [FILE|-]}: runs one event through exactly the wiring Lambda uses. */
final class InvokeCommand implements Command {

  @Override
  public String name() {
    return "invoke";
  }

  @Override
  public String summary() {
    return "Run one authorizer event through the handler and print its response";
  }

  @Override
  public String help() {
    return """
        Usage: java -jar portcullis.jar invoke [FILE|-]

        Runs one API Gateway authorizer event (REST TOKEN or REQUEST, HTTP API 1.0 or 2.0,
        WebSocket $connect) through exactly the wiring that Lambda uses, configured by the
        PORTCULLIS_* environment variables. FILE is a JSON event; - or nothing reads standard input.

        Prints the response JSON and exits 0. When the outcome is Unauthorized, prints
        {"errorMessage":"Unauthorized"} and exits 1. Any other failure goes to standard error
        with exit code 2. The decision log line goes to standard error.

        Example:
          PORTCULLIS_RULES=file:docs/examples/rules.json \\
          PORTCULLIS_SESSIONS_FILE=docs/examples/sessions.json \\
          java -jar bootstrap/target/portcullis.jar invoke docs/examples/events/rest-token.json
        """;
  }

  @Override
  public int run(List<String> args, Terminal terminal) throws Exception {
    if (args.size() > 1) {
      throw new UsageException("expected at most one FILE, got " + args.size() + " arguments");
    }
    String source = args.isEmpty() ? "-" : args.get(0);
    var authorizer = Portcullis.fromEnvironment(terminal.env(), terminal.err()).authorizer();
    ByteArrayOutputStream response = new ByteArrayOutputStream();
    try (InputStream event =
        source.equals("-") ? terminal.in() : Files.newInputStream(Path.of(source))) {
      authorizer.handle(event, response, "cli-" + UUID.randomUUID());
    } catch (UnauthorizedException e) {
      terminal.out().println("{\"errorMessage\":\"Unauthorized\"}");
      return 1;
    } catch (AuthorizerFailureException e) {
      terminal.err().println(e.getMessage());
      return Main.FAILURE;
    } catch (java.nio.file.NoSuchFileException e) {
      throw new UsageException("no such file: " + source);
    }
    terminal.out().println(response.toString(StandardCharsets.UTF_8));
    return 0;
  }
}
