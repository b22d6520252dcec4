package dev.portcullis.bootstrap.cli;

import java.util.concurrent.Callable;
import javax.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code table create}: the DynamoDB sessions table, for local use. */
@Command(
    name = "table",
    mixinStandardHelpOptions = true,
    versionProvider = ManifestVersion.class,
    synopsisSubcommandLabel = "COMMAND",
    header = "Create the DynamoDB sessions table (for local use; in AWS the template does it).",
    subcommands = TableCreateCommand.class)
public final class TableCommand implements Callable<Integer> {

  @Mixin CommonOptions common;

  @Spec CommandSpec spec;

  @Inject
  TableCommand() {}

  /** Without a subcommand: the usage on standard error, exit 2. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return Main.FAILURE;
  }
}
