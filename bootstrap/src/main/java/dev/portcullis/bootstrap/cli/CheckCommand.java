package dev.portcullis.bootstrap.cli;

import dev.portcullis.adapters.dynamodb.DynamoDbClientFactory;
import dev.portcullis.adapters.dynamodb.DynamoDbSettings;
import dev.portcullis.adapters.dynamodb.SessionTableAdmin;
import dev.portcullis.adapters.inmemory.InMemoryBackend;
import dev.portcullis.adapters.inmemory.SeedFileException;
import dev.portcullis.adapters.jwt.JwksProbe;
import dev.portcullis.adapters.lambda.DecisionObserver;
import dev.portcullis.bootstrap.Portcullis;
import dev.portcullis.bootstrap.config.Configuration;
import dev.portcullis.bootstrap.config.ConfigurationException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javax.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code check}: validates the configuration, probes each configured backend, and prints the
 * configuration with two lists, problems and warnings.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    versionProvider = ManifestVersion.class,
    header = "Validate the configuration, probe each backend, and print it, secrets left out.",
    description = {
      "Reads the PORTCULLIS_* variables exactly as the Lambda handler does at init, builds the"
          + " configured backends (loading the sessions file, creating clients), then probes"
          + " each backend unless --offline: the DynamoDB table exists with its key, index and"
          + " TTL; each JWT issuer's JWKS answers and holds keys for the configured algorithms.",
      "",
      "Prints the configuration (no token or secret), then two lists: problems, which would"
          + " fail the authorizer's start-up or its calls, and warnings, which would not. Exits 2"
          + " when there is a problem, 0 otherwise."
    })
public final class CheckCommand implements Callable<Integer> {

  /** Longer than an authorizer's budget: a first call may pay a TLS handshake. */
  static final Duration PROBE_CALL_TIMEOUT = Duration.ofSeconds(5);

  static final Duration PROBE_ATTEMPT_TIMEOUT = Duration.ofSeconds(3);

  @Mixin CommonOptions common;

  @Option(names = "--offline", description = "Skip the probes: contact no backend.")
  boolean offline;

  @Option(names = "--json", description = "Print the report as one JSON document, for scripts.")
  boolean json;

  private final Terminal terminal;
  private final Clock clock;

  @Inject
  CheckCommand(Terminal terminal, Clock clock) {
    this.terminal = terminal;
    this.clock = clock;
  }

  @Override
  public Integer call() {
    Environment env = common.environment(terminal);
    CheckReport report = check(env.variables());
    if (json) {
      Map<String, Object> document = new LinkedHashMap<>();
      document.put("valid", report.valid());
      document.put("problems", report.problems());
      document.put("warnings", report.warnings());
      report.configuration().ifPresent(c -> document.put("configuration", c));
      terminal.out().println(CliJson.write(document));
    } else {
      print(report);
    }
    return report.valid() ? Main.DONE : Main.FAILURE;
  }

  private CheckReport check(Map<String, String> env) {
    Configuration configuration;
    try {
      configuration = Configuration.fromEnvironment(env);
    } catch (ConfigurationException e) {
      return new CheckReport(e.problems(), List.of(), Optional.empty());
    }
    List<String> problems = new ArrayList<>();
    List<String> warnings = new ArrayList<>(configuration.warnings());
    try {
      Portcullis.build(configuration, clock, DecisionObserver.NONE);
    } catch (ConfigurationException e) {
      problems.addAll(e.problems());
    } catch (RuntimeException e) {
      problems.add("the backends cannot be built: " + Failures.firstLine(e));
    }
    warnings.addAll(seedFileNotes(configuration, clock));
    if (!offline) {
      configuration.dynamoDb().ifPresent(d -> probeTable(d, problems, warnings));
      configuration.jwt().ifPresent(jwt -> problems.addAll(JwksProbe.of(jwt).problems()));
    }
    return new CheckReport(problems, warnings, Optional.of(ConfigurationSummary.of(configuration)));
  }

  /**
   * What the seed file says of itself beyond its problems: an expired seed session loads and
   * answers 401 for its own token only, which is worth a warning, never a failure. A file that does
   * not load at all is already one of the problems.
   */
  private static List<String> seedFileNotes(Configuration configuration, Clock clock) {
    if (configuration.sessionsFile().isEmpty()) {
      return List.of();
    }
    try {
      return InMemoryBackend.seedNotes(configuration.sessionsFile().get(), clock).stream()
          .map(note -> "PORTCULLIS_SESSIONS_FILE: " + note.message())
          .toList();
    } catch (SeedFileException e) {
      return List.of();
    }
  }

  private void probeTable(DynamoDbSettings settings, List<String> problems, List<String> warnings) {
    DynamoDbSettings probing = settings.withTimeouts(PROBE_CALL_TIMEOUT, PROBE_ATTEMPT_TIMEOUT);
    Consumer<String> notices = terminal.err()::println;
    try (DynamoDbClient client = DynamoDbClientFactory.create(probing, notices)) {
      SessionTableAdmin.Probe probe = new SessionTableAdmin(client, probing).probe();
      problems.addAll(probe.problems());
      warnings.addAll(probe.warnings());
    } catch (RuntimeException e) {
      problems.add("dynamodb: " + Failures.firstLine(e));
    }
  }

  private void print(CheckReport report) {
    PrintStream out = terminal.out();
    if (report.valid()) {
      out.println(
          "Portcullis configuration is valid"
              + (offline ? " (backends not probed: --offline)." : "."));
    }
    report.configuration().ifPresent(c -> c.lines().forEach(out::println));
    if (!report.warnings().isEmpty()) {
      out.println();
      out.println(count(report.warnings().size(), "warning") + ":");
      report.warnings().forEach(w -> out.println("  - " + w));
    }
    if (!report.valid()) {
      PrintStream err = terminal.err();
      err.println(
          "Portcullis configuration is invalid ("
              + count(report.problems().size(), "problem")
              + "); see docs/configuration.md:");
      report.problems().forEach(p -> err.println("  - " + p));
    }
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
