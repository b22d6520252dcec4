package dev.portcullis.bootstrap.cli;

/** The command line was not used as its help says; the message says how. Exit code 2. */
final class UsageException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message, null, false, false);
  }
}
