package dev.portcullis.bootstrap.cli;

import dev.portcullis.adapters.dynamodb.DynamoDbSettings;
import dev.portcullis.bootstrap.Portcullis;
import dev.portcullis.bootstrap.config.Backend;
import dev.portcullis.bootstrap.config.CacheConfig;
import dev.portcullis.bootstrap.config.Configuration;
import dev.portcullis.domain.rules.Grant;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code check}: validates the configuration and prints it, secrets left out. */
final class CheckCommand implements Command {

  @Override
  public String name() {
    return "check";
  }

  @Override
  public String summary() {
    return "Validate the configuration and print it, secrets left out";
  }

  @Override
  public String help() {
    return """
        Usage: java -jar portcullis.jar check

        Reads the PORTCULLIS_* environment variables exactly as the Lambda handler does at init,
        builds the configured backends (loading the sessions file, creating clients), and prints
        the resulting configuration. No token or secret is printed.

        Exits 0 when the configuration is valid; otherwise prints every problem, with how to fix
        it, to standard error and exits 2.
        """;
  }

  @Override
  public int run(List<String> args, Terminal terminal) {
    if (!args.isEmpty()) {
      throw new UsageException("check takes no arguments");
    }
    Configuration c = Portcullis.fromEnvironment(terminal.env(), terminal.err()).configuration();
    PrintStream out = terminal.out();
    out.println("Portcullis configuration is valid.");
    out.println(
        "backends:        "
            + c.backends().stream().map(Backend::configName).collect(Collectors.joining(",")));
    out.println("rules:           " + c.rulesSource());
    for (Map.Entry<String, List<Grant>> role : c.rules().asMap().entrySet()) {
      out.println(
          "  "
              + role.getKey()
              + ": "
              + role.getValue().stream().map(Grant::toString).collect(Collectors.joining(", ")));
    }
    c.sessionsFile().ifPresent(f -> out.println("sessions file:   " + f));
    out.println(
        "token sources:   "
            + c.adapter().tokenSources().stream()
                .map(Object::toString)
                .collect(Collectors.joining(",")));
    out.println("HTTP responses:  " + c.adapter().httpResponseMode().name().toLowerCase());
    CacheConfig cache = c.cache();
    out.println(
        "resolution cache: "
            + (cache.enabled()
                ? cache.ttl().toSeconds()
                    + " s, not found "
                    + cache.notFoundTtl().toSeconds()
                    + " s, at most "
                    + cache.maxEntries()
                    + " entries"
                : "off"));
    c.jwt()
        .ifPresent(
            jwt ->
                out.println(
                    "jwt:             issuers "
                        + jwt.issuers().stream()
                            .map(i -> i.issuer() + " (keys " + i.jwksUrl() + ")")
                            .collect(Collectors.joining(", "))
                        + "; audiences "
                        + String.join(",", jwt.audiences())
                        + "; algorithms "
                        + String.join(",", jwt.algorithms())));

    if (c.dynamoDb().isPresent()) {
      DynamoDbSettings d = c.dynamoDb().get();
      out.println(
          "dynamodb:        table "
              + d.tableName()
              + " in "
              + d.region()
              + d.endpointOverride().map(e -> " at " + e).orElse("")
              + ", "
              + (d.consistentRead() ? "strongly" : "eventually")
              + " consistent reads, "
              + d.apiCallTimeout().toMillis()
              + " ms per call, "
              + d.apiCallAttemptTimeout().toMillis()
              + " ms per attempt, "
              + d.maxAttempts()
              + " attempts");
    }
    return 0;
  }
}
