package dev.portcullis.bootstrap.runtimeapi;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback stand-in for the Lambda Runtime API: hands out queued events on {@code /next}, with
 * the headers AWS's runtime interface client needs, and records what the client posts back to
 * {@code /response}, {@code /error} and {@code /init/error}. It uses the JDK alone, so that the
 * archive training can run from bare class files inside the container image.
 */
public final class RuntimeApiStub implements AutoCloseable {

  /**
   * One call the runtime client made back to the API: the path under the API's base, the body, the
   * error type it named, and when it arrived ({@link System#nanoTime()}).
   */
  public record Posted(String path, String body, String errorType, long nanos) {

    /** True for an invocation's answer, false for an error of the invocation or of the init. */
    public boolean isResponse() {
      return path.endsWith("/response");
    }
  }

  private static final String BASE = "/2018-06-01/runtime";
  private static final String FUNCTION = "portcullis";

  /** How long {@code /next} holds a poll open when no event is queued, as the real API does. */
  private static final Duration LONG_POLL = Duration.ofSeconds(60);

  private final HttpServer server;
  private final ExecutorService executor;
  private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
  private final BlockingQueue<Posted> posted = new LinkedBlockingQueue<>();
  private final AtomicInteger ids = new AtomicInteger();

  public RuntimeApiStub() throws IOException {
    executor =
        Executors.newCachedThreadPool(
            task -> {
              Thread thread = new Thread(task, "runtime-api-stub");
              thread.setDaemon(true);
              return thread;
            });
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.setExecutor(executor);
    server.createContext(BASE + "/invocation/next", this::next);
    server.createContext(BASE + "/invocation/", this::record);
    server.createContext(BASE + "/init/error", this::record);
    server.start();
  }

  /** host:port, the value of {@code AWS_LAMBDA_RUNTIME_API}. */
  public String address() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  /**
   * The variables Lambda gives a runtime that serves {@code handler} from {@code taskRoot}, with
   * the Runtime API at this stub.
   */
  public Map<String, String> lambdaEnvironment(String handler, Path taskRoot) {
    return Map.of(
        "AWS_LAMBDA_RUNTIME_API",
        address(),
        "AWS_LAMBDA_FUNCTION_NAME",
        FUNCTION,
        "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
        "512",
        "AWS_LAMBDA_FUNCTION_VERSION",
        "$LATEST",
        "LAMBDA_TASK_ROOT",
        taskRoot.toString(),
        "_HANDLER",
        handler);
  }

  /** Queues an event for the next {@code /next} poll. */
  public void enqueue(String event) {
    events.add(event);
  }

  /** The next call the client posts back, or empty when none arrives within {@code wait}. */
  public Optional<Posted> poll(Duration wait) throws InterruptedException {
    return Optional.ofNullable(posted.poll(wait.toNanos(), TimeUnit.NANOSECONDS));
  }

  /**
   * The next call the client posts back, waiting up to {@code seconds}.
   *
   * @throws IllegalStateException when nothing arrives in time
   */
  public Posted awaitPosted(int seconds) throws InterruptedException {
    return poll(Duration.ofSeconds(seconds))
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "the runtime client posted nothing within " + seconds + " s"));
  }

  private void next(HttpExchange exchange) throws IOException {
    String event;
    try {
      // The client waits here between invocations, until an event comes or the stub closes.
      event = events.poll(LONG_POLL.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      exchange.close();
      return;
    }
    if (event == null) {
      exchange.sendResponseHeaders(500, -1);
      exchange.close();
      return;
    }
    byte[] body = event.getBytes(StandardCharsets.UTF_8);
    var headers = exchange.getResponseHeaders();
    // The client's native code crashes without a Content-Type on /next.
    headers.add("Content-Type", "application/json");
    headers.add("Lambda-Runtime-Aws-Request-Id", "req-" + ids.incrementAndGet());
    headers.add("Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + 30_000));
    headers.add(
        "Lambda-Runtime-Invoked-Function-Arn",
        "arn:aws:lambda:us-east-1:123456789012:function:" + FUNCTION);
    headers.add("Lambda-Runtime-Trace-Id", "Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1");
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private void record(HttpExchange exchange) throws IOException {
    long arrived = System.nanoTime();
    Posted call =
        new Posted(
            exchange.getRequestURI().getPath().substring(BASE.length()),
            new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
            exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type"),
            arrived);
    exchange.sendResponseHeaders(202, -1);
    exchange.close();
    posted.add(call);
  }

  /** Stops serving and ends any poll still held open. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
