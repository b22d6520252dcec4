package dev.portcullis.adapters.jwt;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A JWKS endpoint on 127.0.0.1 for tests: it counts requests and can be told to misbehave. */
final class JwksServer implements AutoCloseable {

  /** How the endpoint answers. */
  enum Mode {
    SERVE,
    FAIL_503,
    NOT_JSON,
    HANG,
    /** 200 with the document's length, then the document one byte every {@link #TRICKLE}. */
    TRICKLE
  }

  /** The pause between two bytes of a trickled document. */
  static final Duration TRICKLE = Duration.ofMillis(50);

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final AtomicInteger requests = new AtomicInteger();
  private final List<String> paths = new CopyOnWriteArrayList<>();
  private volatile String body = "{\"keys\":[]}";
  private volatile Mode mode = Mode.SERVE;

  private JwksServer() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  /** A started server publishing the public parts of these keys. */
  static JwksServer serving(JWK... keys) {
    JwksServer server = new JwksServer();
    server.publish(keys);
    return server;
  }

  /** From now on the endpoint publishes the public parts of these keys. */
  JwksServer publish(JWK... keys) {
    body = new JWKSet(List.of(keys)).toPublicJWKSet().toString();
    return this;
  }

  JwksServer answer(Mode answer) {
    this.mode = answer;
    return this;
  }

  /** Requests received so far. */
  int requests() {
    return requests.get();
  }

  /** The request path and query of every request received, in order. */
  List<String> paths() {
    return List.copyOf(paths);
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json");
  }

  private void handle(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    paths.add(exchange.getRequestURI().toString());
    try (exchange) {
      switch (mode) {
        case FAIL_503 -> exchange.sendResponseHeaders(503, -1);
        case NOT_JSON -> send(exchange, "<html>maintenance</html>");
        case HANG -> {
          sleep(Duration.ofSeconds(3));
          send(exchange, body);
        }
        case TRICKLE -> trickle(exchange, body);
        default -> send(exchange, body);
      }
    }
  }

  private static void send(HttpExchange exchange, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static void trickle(HttpExchange exchange, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      for (byte b : bytes) {
        out.write(b);
        out.flush();
        sleep(TRICKLE);
        if (Thread.currentThread().isInterrupted()) {
          return;
        }
      }
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
