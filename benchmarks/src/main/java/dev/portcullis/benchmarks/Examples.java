package dev.portcullis.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The documented example world (docs/examples), packaged as resources: events, their expected
 * responses, and an environment that configures the memory backend with the example rules and
 * sessions.
 */
public final class Examples {

  /** Every example event, by file name without {@code .json}. */
  public static final List<String> EVENTS =
      List.of(
          "rest-token",
          "rest-request",
          "http-v1",
          "http-v2",
          "http-v2-cookie",
          "websocket-connect");

  private Examples() {}

  /** The bytes of {@code docs/examples/events/NAME.json}. */
  public static byte[] event(String name) {
    return resource("examples/events/" + name + ".json");
  }

  /** The bytes of {@code docs/examples/events/expected/NAME.json}. */
  public static byte[] expected(String name) {
    return resource("examples/events/expected/" + name + ".json");
  }

  /**
   * The environment the examples' README names: memory backend, the example rules and sessions
   * (copied to temporary files), every token source, and the simple HTTP response for the one event
   * whose expected answer uses it.
   */
  public static Map<String, String> environment(String event) {
    Map<String, String> env = new HashMap<>();
    env.put("PORTCULLIS_BACKENDS", "memory");
    env.put("PORTCULLIS_RULES", "file:" + temporaryCopy("rules.json"));
    env.put("PORTCULLIS_SESSIONS_FILE", temporaryCopy("sessions.json").toString());
    env.put("PORTCULLIS_TOKEN_SOURCES", "header:Authorization,cookie:session,query:access_token");
    env.put("PORTCULLIS_HTTP_RESPONSE", event.equals("http-v2-cookie") ? "simple" : "iam");
    return env;
  }

  private static Path temporaryCopy(String name) {
    try {
      Path file = Files.createTempFile("portcullis-bench-", "-" + name);
      file.toFile().deleteOnExit();
      Files.write(file, resource("examples/" + name));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] resource(String path) {
    try (InputStream in = Examples.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("resource " + path + " is not on the classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
