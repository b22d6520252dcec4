package dev.portcullis.bootstrap.cli;

import dev.portcullis.bootstrap.config.Configuration;
import dev.portcullis.bootstrap.config.Suggestions;
import dev.portcullis.domain.model.Session;
import dev.portcullis.domain.port.in.IssueSessionCommand;
import dev.portcullis.domain.port.in.IssuedSession;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import javax.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sessions issue}: issues a session and prints its token once. */
@Command(
    name = "issue",
    mixinStandardHelpOptions = true,
    versionProvider = ManifestVersion.class,
    header = "Issue a session and print its token once.",
    description = {
      "Issues a session on the sessions table and prints its token once, on standard output."
          + " Only the token's SHA-256 fingerprint is stored: a lost token cannot be recovered.",
      "",
      "Every role must be one PORTCULLIS_RULES defines: a session with any other would get 403"
          + " on every route. --allow-unknown-roles issues it anyway (for rules deployed later)."
    },
    footer = {
      "",
      "Example:",
      "  PORTCULLIS_BACKENDS=dynamodb PORTCULLIS_TABLE=portcullis-sessions AWS_REGION=eu-west-1 \\",
      "  PORTCULLIS_RULES=file:docs/examples/rules.json \\",
      "  java -jar bootstrap/target/portcullis.jar sessions issue --principal alice --roles admin"
          + " --ttl 8h"
    })
public final class SessionsIssueCommand implements Callable<Integer> {

  @Mixin CommonOptions common;

  @Option(names = "--principal", required = true, paramLabel = "P", description = "Who.")
  String principal;

  @Option(
      names = "--roles",
      required = true,
      split = ",",
      paramLabel = "ROLE",
      description = "The session's roles, comma-separated.")
  List<String> roles;

  @Option(
      names = "--ttl",
      required = true,
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "How long the session lives: 90s, 30m, 8h or 7d.")
  Duration ttl;

  @Option(
      names = "--attr",
      paramLabel = "KEY=VALUE",
      description = "A context attribute (repeatable).")
  Map<String, String> attributes = new LinkedHashMap<>();

  @Option(
      names = "--api-key",
      paramLabel = "KEY",
      description = "The usageIdentifierKey for API Gateway usage plans.")
  String apiKey;

  @Option(
      names = "--allow-unknown-roles",
      description = "Issue roles that PORTCULLIS_RULES does not define.")
  boolean allowUnknownRoles;

  private final Terminal terminal;
  private final Clock clock;

  @Inject
  SessionsIssueCommand(Terminal terminal, Clock clock) {
    this.terminal = terminal;
    this.clock = clock;
  }

  @Override
  public Integer call() {
    Environment env = common.environment(terminal);
    Set<String> roleSet = new LinkedHashSet<>();
    for (String role : roles) {
      if (role.isBlank()) {
        throw new UsageException("--roles holds an empty role name");
      }
      roleSet.add(role.trim());
    }
    IssueSessionCommand command;
    try {
      command =
          new IssueSessionCommand(principal, roleSet, attributes, ttl, Optional.ofNullable(apiKey));
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    Configuration configuration = SessionStoreAccess.strictConfiguration(env);
    if (!allowUnknownRoles) {
      refuseUnknownRoles(roleSet, configuration.rules().roles());
    }
    IssuedSession issued =
        SessionStoreAccess.open(configuration, clock, "issue", true).issue(command);
    terminal.out().println(issued.token());
    Session session = issued.session();
    terminal
        .err()
        .println(
            "Issued session "
                + session.fingerprint().prefix()
                + " for "
                + session.principalId()
                + ", expires "
                + session.expiresAt()
                + ". The token above is shown once; only its fingerprint is stored.");
    return Main.DONE;
  }

  private static void refuseUnknownRoles(Set<String> roles, Set<String> defined) {
    Set<String> known = new TreeSet<>(defined);
    for (String role : roles) {
      if (!known.contains(role)) {
        throw new UsageException(
            "--roles names '"
                + role
                + "', which PORTCULLIS_RULES does not define"
                + Suggestions.closest(role, known).map(c -> " (did you mean " + c + "?)").orElse("")
                + ": a session with it would get 403 on every route. Roles defined: "
                + (known.isEmpty() ? "none" : String.join(", ", known))
                + ". Fix --roles or the rules, or give --allow-unknown-roles");
      }
    }
  }
}
