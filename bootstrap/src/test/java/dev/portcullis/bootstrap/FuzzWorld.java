package dev.portcullis.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.bootstrap.wiring.PortcullisComponent;
import dev.portcullis.domain.rules.AccessRules;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The deployable handler wired exactly as Lambda wires it (environment in, {@link
 * Portcullis#fromEnvironment}), over a memory backend with rules and a seed file made for the
 * fuzzer, and one call of it with everything it printed captured.
 */
final class FuzzWorld {

  /** One seed session the fuzzer may or may not find: its secret, principal, roles, validity. */
  record Seeded(String token, String principalId, Set<String> roles, boolean valid) {}

  /** Everything one call produced: the answer, what it threw, and every byte it printed. */
  record Call(byte[] answer, Throwable thrown, String log, String stderr, long nanos) {
    String answerText() {
      return new String(answer, StandardCharsets.UTF_8);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path FILES = resourceDirectory();

  /** The fuzz seed's sessions, read by the test itself and not through Portcullis's loader. */
  static final List<Seeded> SEEDED = seeded();

  /** Every token source the event reader knows, so that every path to a credential is open. */
  static final String TOKEN_SOURCES =
      "header:Authorization,header:X-Api-Token,cookie:session,query:access_token,query:token";

  private final LambdaHandler handler;
  private final AccessRules rules;
  private final ByteArrayOutputStream log = new ByteArrayOutputStream();

  /** A world whose HTTP API 2.0 answers are IAM policies, or simple responses. */
  FuzzWorld(boolean simpleResponses) {
    Map<String, String> env =
        Map.of(
            "PORTCULLIS_BACKENDS",
            "memory",
            "PORTCULLIS_RULES",
            "file:" + FILES.resolve("rules.json"),
            "PORTCULLIS_SESSIONS_FILE",
            FILES.resolve("sessions.json").toString(),
            "PORTCULLIS_TOKEN_SOURCES",
            TOKEN_SOURCES,
            "PORTCULLIS_HTTP_RESPONSE",
            simpleResponses ? "simple" : "iam",
            "PORTCULLIS_CACHE_SECONDS",
            "0");
    PortcullisComponent component =
        Portcullis.fromEnvironment(env, new PrintStream(log, true, StandardCharsets.UTF_8));
    this.handler = new LambdaHandler(component);
    this.rules = component.configuration().rules();
  }

  AccessRules rules() {
    return rules;
  }

  /** Runs one event through the handler; standard error is captured for the call's length. */
  synchronized Call call(byte[] event) {
    log.reset();
    ByteArrayOutputStream answer = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    PrintStream realErr = System.err;
    Throwable thrown = null;
    long started = System.nanoTime();
    System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
    try {
      handler.handleRequest(new ByteArrayInputStream(event), answer, null);
    } catch (Throwable t) {
      thrown = t;
    } finally {
      System.setErr(realErr);
    }
    return new Call(
        answer.toByteArray(),
        thrown,
        log.toString(StandardCharsets.UTF_8),
        stderr.toString(StandardCharsets.UTF_8),
        System.nanoTime() - started);
  }

  private static List<Seeded> seeded() {
    try {
      JsonNode sessions = JSON.readTree(FILES.resolve("sessions.json").toFile()).get("sessions");
      List<Seeded> seeded = new ArrayList<>();
      for (JsonNode session : sessions) {
        Set<String> roles = new TreeSet<>();
        session.get("roles").forEach(r -> roles.add(r.asText()));
        seeded.add(
            new Seeded(
                session.get("token").asText(),
                session.get("principalId").asText(),
                roles,
                Instant.parse(session.get("expiresAt").asText()).isAfter(Instant.now())));
      }
      return List.copyOf(seeded);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path resourceDirectory() {
    URL rules = FuzzWorld.class.getResource("fuzz/rules.json");
    if (rules == null) {
      throw new IllegalStateException("fuzz/rules.json is missing from the test resources");
    }
    try {
      return Path.of(rules.toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
