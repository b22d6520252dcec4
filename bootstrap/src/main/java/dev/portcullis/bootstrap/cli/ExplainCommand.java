package dev.portcullis.bootstrap.cli;

import dev.portcullis.bootstrap.Portcullis;
import dev.portcullis.bootstrap.config.Configuration;
import dev.portcullis.domain.model.MalformedArnException;
import dev.portcullis.domain.model.RouteTarget;
import dev.portcullis.domain.port.in.Explanation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import javax.inject.Inject;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code explain}: why a call would get 200, 401, 403 or 500, never showing the credential. */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    versionProvider = ManifestVersion.class,
    header = "Explain why a call gets 200, 401, 403 or 500.",
    description = {
      "Decides one call through exactly the wiring that Lambda uses, and prints which backend"
          + " resolved the credential (or why none did), the identity, each grant of each of its"
          + " roles and whether it covers the route, the policy, and the status API Gateway would"
          + " answer, with the reason. The credential is never printed.",
      "",
      "--token-stdin reads the credential from standard input and explains METHOD PATH as a REST"
          + " TOKEN event on the API and stage the options name; --event explains an event file"
          + " (any kind) on its own route.",
      "",
      "Exits 0 when API Gateway would answer 200 or 403 (the authorizer answered with a policy),"
          + " 1 for 401, and 2 for 500 or a usage error, as invoke does."
    },
    footer = {
      "",
      "Example:",
      "  echo pcs_demo_reader_000000000000000000000000000000000 | \\",
      "  PORTCULLIS_RULES=file:docs/examples/rules.json \\",
      "  PORTCULLIS_SESSIONS_FILE=docs/examples/sessions.json \\",
      "  java -jar bootstrap/target/portcullis.jar explain --token-stdin DELETE /orders/42"
    })
public final class ExplainCommand implements Callable<Integer> {

  @Mixin CommonOptions common;

  @ArgGroup(multiplicity = "1")
  Source source;

  @Parameters(
      arity = "0..2",
      paramLabel = "METHOD PATH",
      description = "With --token-stdin: the method and path called, such as GET /orders/42.")
  String[] route = new String[0];

  @Option(
      names = "--region",
      defaultValue = "us-east-1",
      description = "Default: ${DEFAULT-VALUE}.")
  String region;

  @Option(
      names = "--account",
      defaultValue = "123456789012",
      description = "Default: ${DEFAULT-VALUE}.")
  String account;

  @Option(
      names = "--api-id",
      defaultValue = "abcdef1234",
      description = "Default: ${DEFAULT-VALUE}.")
  String apiId;

  @Option(names = "--stage", defaultValue = "prod", description = "Default: ${DEFAULT-VALUE}.")
  String stage;

  @Option(names = "--json", description = "Print the explanation as JSON, for scripts.")
  boolean json;

  /** Where the credential comes from: one of the two. */
  static final class Source {
    @Option(
        names = "--token-stdin",
        required = true,
        description = "Read the credential from standard input (its first line).")
    boolean tokenStdin;

    @Option(
        names = "--event",
        paramLabel = "FILE",
        required = true,
        description = "Explain this authorizer event, on its own route.")
    Path event;
  }

  private final Terminal terminal;
  private final Clock clock;

  @Inject
  ExplainCommand(Terminal terminal, Clock clock) {
    this.terminal = terminal;
    this.clock = clock;
  }

  @Override
  public Integer call() throws IOException {
    byte[] event = source.tokenStdin ? tokenEvent() : eventFile();
    Environment env = common.environment(terminal);
    Configuration configuration = Configuration.fromEnvironment(env.variables());
    configuration.warnings().forEach(w -> terminal.err().println("warning: " + w));
    Explanation explanation =
        Portcullis.build(configuration, clock, record -> {}).eventExplainer().explain(event);
    terminal
        .out()
        .println(
            json
                ? CliJson.write(ExplanationText.asMap(explanation))
                : ExplanationText.forPeople(explanation));
    return switch (explanation.status()) {
      case ALLOWED, FORBIDDEN -> Main.DONE;
      case UNAUTHORIZED -> Main.UNAUTHORIZED;
      case FAILED -> Main.FAILURE;
    };
  }

  private byte[] eventFile() throws IOException {
    if (route.length > 0) {
      throw new UsageException("--event explains the event's own route: drop METHOD PATH");
    }
    try {
      return Files.readAllBytes(source.event);
    } catch (NoSuchFileException e) {
      throw new UsageException("no such file: " + source.event);
    }
  }

  /** A REST TOKEN event for the route, carrying the first line of standard input. */
  private byte[] tokenEvent() throws IOException {
    if (route.length != 2) {
      throw new UsageException("--token-stdin needs METHOD PATH, such as GET /orders/42");
    }
    String arn =
        "arn:aws:execute-api:"
            + region
            + ":"
            + account
            + ":"
            + apiId
            + "/"
            + stage
            + "/"
            + route[0]
            + route[1];
    try {
      RouteTarget.parse(arn);
    } catch (MalformedArnException e) {
      throw new UsageException(
          "'"
              + route[0]
              + " "
              + route[1]
              + "' on "
              + apiId
              + "/"
              + stage
              + " is not a route API"
              + " Gateway sends: "
              + e.getMessage());
    }
    String line =
        new String(terminal.in().readAllBytes(), StandardCharsets.UTF_8)
            .lines()
            .findFirst()
            .orElse("");
    Map<String, String> event = new LinkedHashMap<>();
    event.put("type", "TOKEN");
    event.put("authorizationToken", line);
    event.put("methodArn", arn);
    return CliJson.write(event).getBytes(StandardCharsets.UTF_8);
  }
}
