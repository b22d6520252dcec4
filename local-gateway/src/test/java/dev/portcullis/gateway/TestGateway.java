package dev.portcullis.gateway;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local gateway on a free loopback port for one test, with a hand-moved cache clock, a count of
 * authorizer invocations and the access log kept in memory. In front of the test world's authorizer
 * ({@link TestAuthorizer}), or of one that a test hands in.
 */
public final class TestGateway implements AutoCloseable {

  /** alice, role admin. */
  public static final String ALICE = "pcs_demo_admin_0000000000000000000000000000000000";

  /** bob, role reader. */
  public static final String BOB = "pcs_demo_reader_000000000000000000000000000000000";

  /** carol, role reader, expired in 2020. */
  public static final String CAROL = "pcs_demo_expired_00000000000000000000000000000000";

  /** dave has role guest, which no rule names: his policy is an explicit Deny. */
  public static final String DAVE = "pcs_test_guest_00000000000000000000000000000000000";

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  /** The gateway under test. */
  public final LocalGateway gateway;

  final AtomicLong ticker;
  final AtomicInteger invocations;
  final TestAuthorizer component;
  private final ByteArrayOutputStream log;

  private TestGateway(
      LocalGateway gateway,
      AtomicLong ticker,
      AtomicInteger invocations,
      TestAuthorizer component,
      ByteArrayOutputStream log) {
    this.gateway = gateway;
    this.ticker = ticker;
    this.invocations = invocations;
    this.component = component;
    this.log = log;
  }

  /** A gateway in front of the test world's authorizer. */
  static TestGateway start(GatewaySettings settings, TestAuthorizer world) {
    return start(settings, world.handler(), world.simple(), world);
  }

  /**
   * A gateway in front of {@code authorizer}, which answers HTTP payload 2.0 with simple responses
   * when {@code simple} is true; {@code world} is the test world behind it, if any.
   */
  public static TestGateway start(
      GatewaySettings settings,
      RequestStreamHandler authorizer,
      boolean simple,
      TestAuthorizer world) {
    return start(settings, authorizer, simple, world, null);
  }

  /**
   * A gateway in front of {@code authorizer} whose decision inspector explains each event with
   * {@code explainer}, or explains nothing when it is null.
   */
  public static TestGateway start(
      GatewaySettings settings,
      RequestStreamHandler authorizer,
      boolean simple,
      TestAuthorizer world,
      CallExplainer explainer) {
    AtomicLong ticker = new AtomicLong(1_000_000_000L);
    AtomicInteger invocations = new AtomicInteger();
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    RequestStreamHandler counted =
        (event, response, context) -> {
          invocations.incrementAndGet();
          authorizer.handleRequest(event, response, context);
        };
    try {
      LocalGateway.Builder builder =
          LocalGateway.builder(GatewaySettingsFixture.withPort(settings, 0), counted)
              .simpleResponses(simple)
              .ticker(ticker::get)
              .log(new PrintStream(log, true, StandardCharsets.UTF_8));
      if (explainer != null) {
        builder.explainer(explainer);
      }
      LocalGateway gateway = builder.start();
      return new TestGateway(gateway, ticker, invocations, world, log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Settings for {@code kind} with the given options (name, value, name, value...). */
  static GatewaySettings settings(ApiKind kind, String... options) {
    return GatewaySettingsFixture.settings(kind, options);
  }

  /** A request with {@code headers} given as name, value, name, value... */
  public HttpResponse<String> send(String method, String path, String... headers) {
    return send(method, path, new byte[0], headers);
  }

  /** A request with a body. */
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

  /** A call carrying {@code token} as a Bearer credential in the Authorization header. */
  HttpResponse<String> call(String method, String path, String token) {
    return send(method, path, "Authorization", "Bearer " + token);
  }

  /** The number of times the authorizer ran. */
  public int invocations() {
    return invocations.get();
  }

  /** Moves the cache's clock forward. */
  void advance(Duration duration) {
    ticker.addAndGet(duration.toNanos());
  }

  /** The access log and failure lines written so far. */
  public String log() {
    return log.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    gateway.close();
  }
}
