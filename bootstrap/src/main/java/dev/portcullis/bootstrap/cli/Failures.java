package dev.portcullis.bootstrap.cli;

import dev.portcullis.bootstrap.config.ConfigurationException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * How the command line reports what went wrong: one or two lines on standard error and exit code 2,
 * never a stack trace.
 */
final class Failures {

  private Failures() {}

  /** A command line that does not parse: the problem, "did you mean", and where help is. */
  static final class BadUsage implements IParameterExceptionHandler {
    @Override
    public int handleParseException(ParameterException e, String[] args) {
      CommandLine command = e.getCommandLine();
      PrintWriter err = command.getErr();
      err.println(command.getCommandSpec().qualifiedName() + ": " + e.getMessage());
      UnmatchedArgumentException.printSuggestions(e, err);
      err.println(helpHint(command));
      return Main.FAILURE;
    }
  }

  /** A command that failed while it ran. */
  static final class FailedRun implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parseResult) {
      PrintWriter err = command.getErr();
      String name = command.getCommandSpec().qualifiedName();
      if (e instanceof ConfigurationException) {
        err.println(e.getMessage());
      } else if (e instanceof UsageException) {
        err.println(name + ": " + e.getMessage());
        err.println(helpHint(command));
      } else {
        err.println(name + ": " + firstLine(e));
      }
      return Main.FAILURE;
    }
  }

  /** An exception's message, first line only, or its type when it has none. */
  static String firstLine(Throwable e) {
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      return e.getClass().getSimpleName();
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  private static String helpHint(CommandLine command) {
    return "Run '" + command.getCommandSpec().qualifiedName() + " --help' for usage.";
  }
}
