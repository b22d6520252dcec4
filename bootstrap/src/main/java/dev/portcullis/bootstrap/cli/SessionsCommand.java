package dev.portcullis.bootstrap.cli;

import dev.portcullis.bootstrap.Portcullis;
import dev.portcullis.domain.model.Session;
import dev.portcullis.domain.port.in.IssueSessionCommand;
import dev.portcullis.domain.port.in.IssuedSession;
import dev.portcullis.domain.port.in.SessionAdministrationUseCase;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** {@code sessions issue|revoke|revoke-all|list}: session administration on the first backend. */
final class SessionsCommand implements Command {

  private final Clock clock;

  SessionsCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public String name() {
    return "sessions";
  }

  @Override
  public String summary() {
    return "Issue, revoke and list sessions";
  }

  @Override
  public String help() {
    return """
        Usage:
          java -jar portcullis.jar sessions issue --principal P --roles a,b --ttl 8h [--attr k=v]... [--api-key K]
          java -jar portcullis.jar sessions revoke TOKEN|-
          java -jar portcullis.jar sessions revoke-all --principal P
          java -jar portcullis.jar sessions list --principal P

        Administers sessions on the first session backend of PORTCULLIS_BACKENDS (usually
        dynamodb, with PORTCULLIS_TABLE and AWS_REGION set; credentials come from the AWS SDK's
        default chain, so profiles work).

          issue       Issues a session and prints its token once, on standard output. Only the
                      token's SHA-256 fingerprint is stored: a lost token cannot be recovered.
                      --ttl takes 90s, 30m, 8h or 7d. --attr adds a context attribute (repeatable).
                      --api-key sets the usageIdentifierKey for API Gateway usage plans.
          revoke      Revokes the session of TOKEN; '-' reads the token from standard input, which
                      keeps it out of shell history. Revoking twice is harmless.
          revoke-all  Revokes every live session of the principal and prints how many.
          list        Lists the principal's sessions by fingerprint, never by token.

        Exit codes: 0 done; 1 revoke found no such session; 2 usage or configuration error.
        """;
  }

  @Override
  public int run(List<String> args, Terminal terminal) throws Exception {
    if (args.isEmpty()) {
      throw new UsageException("expected issue, revoke, revoke-all or list");
    }
    String action = args.get(0);
    List<String> rest = args.subList(1, args.size());
    switch (action) {
      case "issue":
        return issue(
            Options.parse(rest, Set.of("principal", "roles", "ttl", "attr", "api-key"), Set.of()),
            terminal);
      case "revoke":
        return revoke(Options.parse(rest, Set.of(), Set.of()), terminal);
      case "revoke-all":
        return revokeAll(Options.parse(rest, Set.of("principal"), Set.of()), terminal);
      case "list":
        return list(Options.parse(rest, Set.of("principal"), Set.of()), terminal);
      default:
        throw new UsageException(
            "unknown action '" + action + "': expected issue, revoke, revoke-all or list");
    }
  }

  private int issue(Options options, Terminal terminal) {
    noPositional(options);
    Set<String> roles = new LinkedHashSet<>();
    for (String role : options.required("roles").split(",", -1)) {
      if (role.isBlank()) {
        throw new UsageException("--roles holds an empty role name");
      }
      roles.add(role.trim());
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    for (String attr : options.all("attr")) {
      int equals = attr.indexOf('=');
      if (equals <= 0) {
        throw new UsageException("--attr '" + attr + "' is not of the form key=value");
      }
      attributes.put(attr.substring(0, equals), attr.substring(equals + 1));
    }
    IssueSessionCommand command;
    try {
      command =
          new IssueSessionCommand(
              options.required("principal"),
              roles,
              attributes,
              Options.duration("ttl", options.required("ttl")),
              options.value("api-key"));
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    IssuedSession issued = administration(terminal).issue(command);
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
    return 0;
  }

  private int revoke(Options options, Terminal terminal) throws Exception {
    if (options.positional().size() != 1) {
      throw new UsageException("expected exactly one TOKEN, or - to read it from standard input");
    }
    String token = options.positional().get(0);
    if (token.equals("-")) {
      token =
          Optional.ofNullable(
                  new BufferedReader(new InputStreamReader(terminal.in(), StandardCharsets.UTF_8))
                      .readLine())
              .map(String::trim)
              .orElse("");
    }
    boolean found = administration(terminal).revoke(token);
    terminal.out().println(found ? "revoked" : "no such session");
    return found ? 0 : 1;
  }

  private int revokeAll(Options options, Terminal terminal) {
    noPositional(options);
    int count = administration(terminal).revokeAll(options.required("principal"));
    terminal.out().println("revoked " + count + (count == 1 ? " session" : " sessions"));
    return 0;
  }

  private int list(Options options, Terminal terminal) {
    noPositional(options);
    List<Session> sessions = administration(terminal).list(options.required("principal"));
    Instant now = clock.instant();
    terminal
        .out()
        .println(
            String.format(
                "%-64s  %-20s  %-20s  %-8s  %s",
                "FINGERPRINT", "ISSUED", "EXPIRES", "STATE", "ROLES"));
    for (Session s : sessions) {
      terminal
          .out()
          .println(
              String.format(
                  "%-64s  %-20s  %-20s  %-8s  %s",
                  s.fingerprint().hex(),
                  s.issuedAt(),
                  s.expiresAt(),
                  s.isLiveAt(now) ? "live" : s.resolveAt(now).reason(),
                  String.join(",", new TreeSet<>(s.identity().roles()))));
    }
    return 0;
  }

  private static SessionAdministrationUseCase administration(Terminal terminal) {
    return Portcullis.fromEnvironment(terminal.env(), terminal.err()).sessions();
  }

  private static void noPositional(Options options) {
    if (!options.positional().isEmpty()) {
      throw new UsageException("unexpected argument '" + options.positional().get(0) + "'");
    }
  }
}
