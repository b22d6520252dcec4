package dev.portcullis.bootstrap.cli;

import java.util.concurrent.Callable;
import javax.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The root command: lists the others, and runs none by itself. */
@Command(
    name = "portcullis",
    mixinStandardHelpOptions = true,
    versionProvider = ManifestVersion.class,
    synopsisSubcommandLabel = "COMMAND",
    header = "Portcullis, an API Gateway Lambda authorizer, as a command-line tool.",
    description = {
      "Configuration comes from the PORTCULLIS_* environment variables, the same that Lambda"
          + " reads (docs/configuration.md), or from a dotenv file given with --env-file."
    },
    subcommands = {
      InvokeCommand.class,
      CheckCommand.class,
      ExplainCommand.class,
      SessionsCommand.class,
      TableCommand.class,
      ServeCommand.class,
      CompletionCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:done",
      "1:Unauthorized, or no such session",
      "2:usage, configuration or other failure"
    },
    footer = {"", "Run 'java -jar portcullis.jar COMMAND --help' for a command's options."})
public final class PortcullisCommand implements Callable<Integer> {

  @Mixin CommonOptions common;

  @Spec CommandSpec spec;

  @Inject
  PortcullisCommand() {}

  /** Without a command there is nothing to do: the usage goes to standard error, exit 2. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return Main.FAILURE;
  }
}
