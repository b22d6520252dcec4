package dev.portcullis.bootstrap.serve;

import dev.portcullis.adapters.lambda.HttpResponseMode;
import dev.portcullis.bootstrap.Portcullis;
import dev.portcullis.bootstrap.wiring.PortcullisComponent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local gateway on a free loopback port for one test, with a hand-moved cache clock, a count of
 * authorizer invocations and the access log kept in memory. Built through {@link
 * Portcullis#fromEnvironment}, the production wiring, unless a test hands in its own authorizer.
 */
final class TestGateway implements AutoCloseable {

  static final String ALICE = DemoWorld.ADMIN_TOKEN;
  static final String BOB = DemoWorld.READER_TOKEN;
  static final String CAROL = DemoWorld.EXPIRED_TOKEN;

  /** dave has role guest, which no rule names: his policy is an explicit Deny. */
  static final String DAVE = "pcs_test_guest_00000000000000000000000000000000000";

  /** Rules without a grant for every signed-in identity, and a reader without $connect. */
  static final String RULES =
      "{\"roles\": {\"admin\": [\"* /*\", \"$connect\"], \"reader\": [\"GET /orders\","
          + " \"GET /orders/*\"]}}";

  private static final String SESSIONS =
      "{\"sessions\": [\n"
          + session(ALICE, "alice", "admin", "2099-01-01T00:00:00Z", "")
          + ",\n"
          + session(BOB, "bob", "reader", "2099-01-01T00:00:00Z", "")
          + ",\n"
          + session(
              CAROL,
              "carol",
              "reader",
              "2020-01-01T00:00:00Z",
              "\"issuedAt\": \"2019-12-01T00:00:00Z\", ")
          + ",\n"
          + session(DAVE, "dave", "guest", "2099-01-01T00:00:00Z", "")
          + "\n]}";

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  final LocalGateway gateway;
  final AtomicLong ticker;
  final AtomicInteger invocations;
  final PortcullisComponent component;
  private final ByteArrayOutputStream log;

  private TestGateway(
      LocalGateway gateway,
      AtomicLong ticker,
      AtomicInteger invocations,
      PortcullisComponent component,
      ByteArrayOutputStream log) {
    this.gateway = gateway;
    this.ticker = ticker;
    this.invocations = invocations;
    this.component = component;
    this.log = log;
  }

  /** The test world's environment: memory backend, {@link #RULES}, alice, bob, carol, dave. */
  static Map<String, String> environment(Path dir, String... overrides) {
    try {
      Path sessions = dir.resolve("sessions.json");
      Files.writeString(sessions, SESSIONS, StandardCharsets.UTF_8);
      Map<String, String> env = new HashMap<>();
      env.put("PORTCULLIS_RULES", RULES);
      env.put("PORTCULLIS_SESSIONS_FILE", sessions.toString());
      env.put("PORTCULLIS_TOKEN_SOURCES", DemoWorld.TOKEN_SOURCES);
      for (int i = 0; i < overrides.length; i += 2) {
        env.put(overrides[i], overrides[i + 1]);
      }
      return env;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A gateway over the production wiring built from {@code env}. */
  static TestGateway start(GatewaySettings settings, Map<String, String> env) {
    PortcullisComponent component =
        Portcullis.fromEnvironment(env, new PrintStream(OutputStream.nullOutputStream()));
    boolean simple =
        component.configuration().adapter().httpResponseMode() == HttpResponseMode.SIMPLE;
    return start(settings, component.authorizer()::handle, simple, component);
  }

  /** A gateway in front of {@code authorizer}. */
  static TestGateway start(
      GatewaySettings settings,
      AuthorizerFunction authorizer,
      boolean simple,
      PortcullisComponent component) {
    AtomicLong ticker = new AtomicLong(1_000_000_000L);
    AtomicInteger invocations = new AtomicInteger();
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    AuthorizerFunction counted =
        (event, response, requestId) -> {
          invocations.incrementAndGet();
          authorizer.handle(event, response, requestId);
        };
    try {
      LocalGateway gateway =
          LocalGateway.builder(settings.withPort(0), counted)
              .simpleResponses(simple)
              .ticker(ticker::get)
              .log(new PrintStream(log, true, StandardCharsets.UTF_8))
              .start();
      return new TestGateway(gateway, ticker, invocations, component, log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Settings for {@code kind} with the given options (name, value, name, value...). */
  static GatewaySettings settings(ApiKind kind, String... options) {
    Map<String, String> values = new HashMap<>();
    values.put("kind", kind.optionName());
    for (int i = 0; i < options.length; i += 2) {
      values.put(options[i], options[i + 1]);
    }
    return GatewaySettings.fromOptions(values, Set.of());
  }

  /** A request with {@code headers} given as name, value, name, value... */
  HttpResponse<String> send(String method, String path, String... headers) {
    return send(method, path, new byte[0], headers);
  }

  HttpResponse<String> send(String method, String path, byte[] body, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(gateway.baseUri() + path))
            .timeout(Duration.ofSeconds(10))
            .method(
                method,
                body.length == 0
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try {
      return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A GET carrying {@code token} as a Bearer credential in the Authorization header. */
  HttpResponse<String> get(String path, String token) {
    return send("GET", path, "Authorization", "Bearer " + token);
  }

  HttpResponse<String> call(String method, String path, String token) {
    return send(method, path, "Authorization", "Bearer " + token);
  }

  /** Moves the cache's clock forward. */
  void advance(Duration duration) {
    ticker.addAndGet(duration.toNanos());
  }

  /** The access log and failure lines written so far. */
  String log() {
    return log.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    gateway.close();
  }

  private static String session(
      String token, String principal, String role, String expiresAt, String extra) {
    return "  {\"token\": \""
        + token
        + "\", \"principalId\": \""
        + principal
        + "\", \"roles\": [\""
        + role
        + "\"], "
        + extra
        + "\"expiresAt\": \""
        + expiresAt
        + "\", \"attributes\": {\"tenant\": \"acme\"}}";
  }
}
