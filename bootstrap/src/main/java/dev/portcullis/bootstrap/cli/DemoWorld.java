package dev.portcullis.bootstrap.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;

/**
 * The demo's world: the memory backend seeded with the shipped rules and sessions (an admin, a
 * reader and an expired session, mirroring docs/examples), whatever the environment says.
 */
public final class DemoWorld {

  /** The shipped demo rules. */
  public static final String RULES = "classpath:demo/rules.json";

  /** The shipped demo sessions, a classpath resource. */
  public static final String SESSIONS_RESOURCE = "demo/sessions.json";

  /** Where the demo reads credentials: the examples' token sources. */
  public static final String TOKEN_SOURCES =
      "header:Authorization,cookie:session,query:access_token";

  /** alice, role admin. Demo tokens only: never use them anywhere real. */
  public static final String ADMIN_TOKEN = "pcs_demo_admin_0000000000000000000000000000000000";

  /** bob, role reader. */
  public static final String READER_TOKEN = "pcs_demo_reader_000000000000000000000000000000000";

  /** carol, role reader, expired in 2020. */
  public static final String EXPIRED_TOKEN = "pcs_demo_expired_00000000000000000000000000000000";

  private DemoWorld() {}

  /**
   * {@code env} with the demo's backend, rules and sessions in place of any the environment sets,
   * and the examples' token sources unless the environment names its own. The memory backend reads
   * its seed from a file, so the shipped sessions are copied to a temporary one, deleted on exit.
   */
  public static Map<String, String> environment(Map<String, String> env) {
    Map<String, String> demo = new HashMap<>(env);
    demo.put("PORTCULLIS_BACKENDS", "memory");
    demo.put("PORTCULLIS_RULES", RULES);
    demo.put("PORTCULLIS_SESSIONS_FILE", sessionsFile().toString());
    demo.putIfAbsent("PORTCULLIS_TOKEN_SOURCES", TOKEN_SOURCES);
    return demo;
  }

  private static Path sessionsFile() {
    try (InputStream in = DemoWorld.class.getClassLoader().getResourceAsStream(SESSIONS_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the jar lacks " + SESSIONS_RESOURCE);
      }
      Path file = Files.createTempFile("portcullis-demo-sessions-", ".json");
      file.toFile().deleteOnExit();
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the demo sessions to a temporary file", e);
    }
  }
}
