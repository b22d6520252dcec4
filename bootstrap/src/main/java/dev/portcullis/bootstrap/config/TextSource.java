package dev.portcullis.bootstrap.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a configuration value given inline, as {@code file:PATH} or as {@code classpath:NAME}, and
 * names where it came from without repeating the value.
 */
record TextSource(String description, String text) {

  /** Longest configuration file read: rules files are a few kilobytes. */
  static final int MAX_BYTES = 1 << 20;

  /**
   * Resolves {@code value}.
   *
   * @throws IllegalArgumentException saying why the file or resource cannot be read
   */
  static TextSource resolve(String value) {
    if (value.startsWith("file:")) {
      Path path = Path.of(value.substring("file:".length()));
      try {
        if (Files.size(path) > MAX_BYTES) {
          throw new IllegalArgumentException("file " + path + " is larger than 1 MiB");
        }
        return new TextSource("file " + path, Files.readString(path, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new IllegalArgumentException(
            "cannot read file "
                + path.toAbsolutePath()
                + " ("
                + e.getClass().getSimpleName()
                + ")");
      }
    }
    if (value.startsWith("classpath:")) {
      String name = value.substring("classpath:".length());
      try (InputStream in = TextSource.class.getClassLoader().getResourceAsStream(name)) {
        if (in == null) {
          throw new IllegalArgumentException("no resource '" + name + "' on the classpath");
        }
        // Strict, as Files.readString is: ill-formed UTF-8 fails instead of being replaced.
        String text =
            StandardCharsets.UTF_8
                .newDecoder()
                .decode(ByteBuffer.wrap(in.readNBytes(MAX_BYTES)))
                .toString();
        return new TextSource("classpath resource " + name, text);
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot read classpath resource '" + name + "'");
      }
    }
    return new TextSource("inline JSON", value);
  }
}
