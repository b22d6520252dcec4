package dev.portcullis.bootstrap.cli;

import java.time.Clock;
import java.util.concurrent.Callable;
import javax.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sessions revoke-all --principal P}: revokes every live session of a principal. */
@Command(
    name = "revoke-all",
    mixinStandardHelpOptions = true,
    versionProvider = ManifestVersion.class,
    header = "Revoke every live session of a principal.",
    description = {
      "Revokes every live session of the principal and prints how many it revoked. The index it"
          + " reads is eventually consistent: run it again after a second or two if sessions may"
          + " have been issued at that moment (docs/dynamodb.md)."
    })
public final class SessionsRevokeAllCommand implements Callable<Integer> {

  @Mixin CommonOptions common;

  @Option(names = "--principal", required = true, paramLabel = "P", description = "Whose.")
  String principal;

  private final Terminal terminal;
  private final Clock clock;

  @Inject
  SessionsRevokeAllCommand(Terminal terminal, Clock clock) {
    this.terminal = terminal;
    this.clock = clock;
  }

  @Override
  public Integer call() {
    Environment env = common.environment(terminal);
    int count = SessionStoreAccess.open(env, clock, "revoke-all", true).revokeAll(principal);
    terminal.out().println("revoked " + count + (count == 1 ? " session" : " sessions"));
    return Main.DONE;
  }
}
