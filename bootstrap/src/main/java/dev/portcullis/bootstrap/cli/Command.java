package dev.portcullis.bootstrap.cli;

import java.util.List;

/** One sub-command of the {@code portcullis} command line. */
interface Command {

  /** The word that selects it, e.g. {@code invoke}. */
  String name();

  /** One line for the command list. */
  String summary();

  /** The full help text, shown by {@code --help}. */
  String help();

  /**
   * Runs the command.
   *
   * @return the process exit code
   */
  int run(List<String> args, Terminal terminal) throws Exception;
}
