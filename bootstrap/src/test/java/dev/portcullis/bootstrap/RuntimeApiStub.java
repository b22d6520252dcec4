package dev.portcullis.bootstrap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback stand-in for the Lambda Runtime API: hands out queued events on {@code /next} and
 * records what the runtime client posts back.
 */
final class RuntimeApiStub implements AutoCloseable {

  /** One call the runtime client made back to the API: the path and the body it posted. */
  record Posted(String path, String body, String errorType) {}

  private static final String BASE = "/2018-06-01/runtime";

  private final HttpServer server;
  private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
  private final BlockingQueue<Posted> posted = new LinkedBlockingQueue<>();
  private final AtomicInteger ids = new AtomicInteger();

  RuntimeApiStub() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext(BASE + "/invocation/next", this::next);
    server.createContext(BASE + "/invocation/", this::record);
    server.createContext(BASE + "/init/error", this::record);
    server.start();
  }

  /** host:port, the value of {@code AWS_LAMBDA_RUNTIME_API}. */
  String address() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  void enqueue(String event) {
    events.add(event);
  }

  /** The next call the client posts back, waiting up to {@code seconds}. */
  Posted awaitPosted(int seconds) throws InterruptedException {
    Posted p = posted.poll(seconds, TimeUnit.SECONDS);
    if (p == null) {
      throw new AssertionError("the runtime client posted nothing within " + seconds + " s");
    }
    return p;
  }

  private void next(HttpExchange exchange) throws IOException {
    String event;
    try {
      // Long-poll as the real Runtime API does: the client waits here between invocations.
      event = events.poll(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
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
        "arn:aws:lambda:us-east-1:123456789012:function:portcullis");
    headers.add("Lambda-Runtime-Trace-Id", "Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1");
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private void record(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    posted.add(
        new Posted(
            exchange.getRequestURI().getPath().substring(BASE.length()),
            body,
            exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type")));
    exchange.sendResponseHeaders(202, -1);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
