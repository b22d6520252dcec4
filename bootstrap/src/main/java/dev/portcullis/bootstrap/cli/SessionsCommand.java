package dev.portcullis.bootstrap.cli;

import java.util.concurrent.Callable;
import javax.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code sessions issue|revoke|revoke-all|list}: session administration. */
@Command(
    name = "sessions",
    mixinStandardHelpOptions = true,
    versionProvider = ManifestVersion.class,
    synopsisSubcommandLabel = "COMMAND",
    header = "Issue, revoke and list sessions.",
    description = {
      "Administers the sessions of the dynamodb backend (PORTCULLIS_BACKENDS naming dynamodb,"
          + " with PORTCULLIS_TABLE and AWS_REGION set; credentials come from the AWS SDK's"
          + " default chain, so profiles and SSO work). The commands that write refuse the"
          + " in-memory store, which would forget the session when the command ends; list also"
          + " reads the memory backend's seed file."
    },
    subcommands = {
      SessionsIssueCommand.class,
      SessionsRevokeCommand.class,
      SessionsRevokeAllCommand.class,
      SessionsListCommand.class
    })
public final class SessionsCommand implements Callable<Integer> {

  @Mixin CommonOptions common;

  @Spec CommandSpec spec;

  @Inject
  SessionsCommand() {}

  /** Without a subcommand: the usage on standard error, exit 2. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return Main.FAILURE;
  }
}
