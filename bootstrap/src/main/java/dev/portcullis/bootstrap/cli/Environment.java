package dev.portcullis.bootstrap.cli;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The variables a command is configured by: the process environment over an optional dotenv file,
 * as {@code sam local --env-vars} and {@code docker run --env-file} users expect. A variable set in
 * the process wins over the file.
 */
record Environment(Map<String, String> variables) {

  Environment {
    variables = Map.copyOf(variables);
  }

  /**
   * The process environment, with the file's variables under it.
   *
   * @throws UsageException when the file cannot be read or holds a line that is not KEY=VALUE
   */
  static Environment of(Map<String, String> process, Optional<Path> envFile) {
    if (envFile.isEmpty()) {
      return new Environment(process);
    }
    Map<String, String> merged;
    try {
      merged = new HashMap<>(DotEnvFile.read(envFile.get()));
    } catch (NoSuchFileException e) {
      throw new UsageException("--env-file " + envFile.get() + ": no such file");
    } catch (IOException e) {
      throw new UsageException(
          "--env-file " + envFile.get() + " cannot be read (" + e.getClass().getSimpleName() + ")");
    }
    merged.putAll(process);
    return new Environment(merged);
  }
}
