package dev.portcullis.bootstrap.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import javax.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code sessions revoke TOKEN|-}: revokes one session. */
@Command(
    name = "revoke",
    mixinStandardHelpOptions = true,
    versionProvider = ManifestVersion.class,
    header = "Revoke the session of a token.",
    description = {
      "Revokes the session of TOKEN; '-' reads the token from standard input, which keeps it out"
          + " of shell history. Revoking twice is harmless. Exits 1 when no such session exists."
    })
public final class SessionsRevokeCommand implements Callable<Integer> {

  @Mixin CommonOptions common;

  @Parameters(paramLabel = "TOKEN", description = "The token, or - to read it from standard input.")
  String token;

  private final Terminal terminal;
  private final Clock clock;

  @Inject
  SessionsRevokeCommand(Terminal terminal, Clock clock) {
    this.terminal = terminal;
    this.clock = clock;
  }

  @Override
  public Integer call() throws IOException {
    Environment env = common.environment(terminal);
    String value = token;
    if (value.equals("-")) {
      value =
          Optional.ofNullable(
                  new BufferedReader(new InputStreamReader(terminal.in(), StandardCharsets.UTF_8))
                      .readLine())
              .map(String::trim)
              .orElse("");
    }
    boolean found = SessionStoreAccess.open(env, clock, "revoke", true).revoke(value);
    terminal.out().println(found ? "revoked" : "no such session");
    return found ? Main.DONE : Main.UNAUTHORIZED;
  }
}
