package dev.portcullis.bootstrap.cli;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options every command takes besides {@code -h} and {@code -V}. */
final class CommonOptions {

  @Option(
      names = "--env-file",
      paramLabel = "FILE",
      description =
          "Read variables from a dotenv file (KEY=VALUE lines, # comments, quotes);"
              + " the process environment wins over it.")
  Path envFile;

  /** The environment this command reads its configuration from. */
  Environment environment(Terminal terminal) {
    return Environment.of(terminal.env(), Optional.ofNullable(envFile));
  }
}
