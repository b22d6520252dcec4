package dev.portcullis.bootstrap.cli;

import dev.portcullis.domain.model.Session;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import javax.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sessions list --principal P}: a principal's sessions, by fingerprint, never by token. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    versionProvider = ManifestVersion.class,
    header = "List a principal's sessions by fingerprint.",
    description = {
      "Lists the principal's sessions, expired and revoked ones included, by fingerprint: a"
          + " token is never stored, so it can never be listed. --json prints a JSON array."
    })
public final class SessionsListCommand implements Callable<Integer> {

  private static final String ROW = "%-64s  %-20s  %-20s  %-8s  %s";

  @Mixin CommonOptions common;

  @Option(names = "--principal", required = true, paramLabel = "P", description = "Whose.")
  String principal;

  @Option(names = "--json", description = "Print a JSON array, for scripts.")
  boolean json;

  private final Terminal terminal;
  private final Clock clock;

  @Inject
  SessionsListCommand(Terminal terminal, Clock clock) {
    this.terminal = terminal;
    this.clock = clock;
  }

  @Override
  public Integer call() {
    Environment env = common.environment(terminal);
    List<Session> sessions = SessionStoreAccess.open(env, clock, "list", false).list(principal);
    Instant now = clock.instant();
    if (json) {
      terminal.out().println(CliJson.write(sessions.stream().map(s -> row(s, now)).toList()));
      return Main.DONE;
    }
    terminal
        .out()
        .println(String.format(ROW, "FINGERPRINT", "ISSUED", "EXPIRES", "STATE", "ROLES"));
    for (Session s : sessions) {
      terminal
          .out()
          .println(
              String.format(
                  ROW,
                  s.fingerprint().hex(),
                  s.issuedAt(),
                  s.expiresAt(),
                  state(s, now),
                  String.join(",", new TreeSet<>(s.identity().roles()))));
    }
    return Main.DONE;
  }

  private static String state(Session s, Instant now) {
    return s.isLiveAt(now) ? "live" : s.resolveAt(now).reason();
  }

  private static Map<String, Object> row(Session s, Instant now) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("fingerprint", s.fingerprint().hex());
    row.put("principalId", s.principalId());
    row.put("issuedAt", s.issuedAt().toString());
    row.put("expiresAt", s.expiresAt().toString());
    s.revokedAt().ifPresent(at -> row.put("revokedAt", at.toString()));
    row.put("state", state(s, now));
    row.put("roles", List.copyOf(new TreeSet<>(s.identity().roles())));
    row.put("attributes", new TreeMap<>(s.identity().attributes()));
    return row;
  }
}
