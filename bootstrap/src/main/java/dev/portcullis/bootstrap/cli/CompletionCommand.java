package dev.portcullis.bootstrap.cli;

import java.util.concurrent.Callable;
import javax.inject.Inject;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code completion}: prints the bash and zsh completion script of every command and option. */
@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    versionProvider = ManifestVersion.class,
    header = "Print a bash/zsh completion script.",
    description = {
      "Prints a completion script for bash and zsh (through zsh's bashcompinit) that completes"
          + " the commands, subcommands and options of 'portcullis'.",
      "",
      "It completes a command named portcullis, so define one first, e.g.:",
      "  alias portcullis='java -jar /path/to/portcullis.jar'",
      "  source <(portcullis completion)",
      "or save the script where your shell loads completions from."
    })
public final class CompletionCommand implements Callable<Integer> {

  @Mixin CommonOptions common;

  @Spec CommandSpec spec;

  private final Terminal terminal;

  @Inject
  CompletionCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() {
    terminal.out().print(AutoComplete.bash("portcullis", spec.root().commandLine()));
    terminal.out().flush();
    return Main.DONE;
  }
}
