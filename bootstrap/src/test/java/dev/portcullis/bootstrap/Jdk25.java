package dev.portcullis.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Finds the JDK 25 that makes the AOT cache: {@code JAVA25_HOME}, else the usual install path. */
final class Jdk25 {

  static final String HOW_TO_SET = "set JAVA25_HOME to a JDK 25 or later";

  /** Where these build machines keep a JDK 25 when {@code JAVA25_HOME} is not set. */
  static final Path USUAL = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");

  private Jdk25() {}

  /**
   * The JDK named by {@code JAVA25_HOME}, which must then be a JDK 25 or later; else the usual
   * install path if a JDK 25 or later lies there; else empty.
   *
   * @throws IllegalStateException when {@code JAVA25_HOME} names anything but a JDK 25 or later
   */
  static Optional<Path> find(Map<String, String> env) {
    String named = env.get("JAVA25_HOME");
    if (named != null && !named.isBlank()) {
      Path home = Path.of(named);
      if (feature(home) < 25) {
        throw new IllegalStateException(
            "JAVA25_HOME="
                + named
                + " is not a JDK 25 or later (no bin/java, or its release file says otherwise)");
      }
      return Optional.of(home);
    }
    return feature(USUAL) >= 25 ? Optional.of(USUAL) : Optional.empty();
  }

  /** The feature release that {@code home}'s release file names, or 0. */
  static int feature(Path home) {
    Path release = home.resolve("release");
    if (!Files.isRegularFile(release) || !Files.isExecutable(home.resolve("bin/java"))) {
      return 0;
    }
    try {
      return Files.readAllLines(release).stream()
          .filter(line -> line.startsWith("JAVA_VERSION=\""))
          .map(line -> line.substring("JAVA_VERSION=\"".length()).split("[.\"]")[0])
          .filter(feature -> feature.matches("\\d+"))
          .mapToInt(Integer::parseInt)
          .findFirst()
          .orElse(0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
