package dev.portcullis.adapters.dynamodb;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * A loopback HTTP front for a real server: it answers the first requests with scripted DynamoDB
 * errors (what a local server cannot be made to send: throttling, 5xx, a refusal), then relays
 * every later request to the server, optionally rewritten (what a broken proxy or table would do),
 * and the server's answer back unchanged.
 */
final class ScriptedFront implements AutoCloseable {

  /** One scripted answer: an HTTP status and DynamoDB's error type. */
  record Failure(int status, String type) {}

  private static final List<String> RELAYED_HEADERS =
      List.of("Content-Type", "X-Amz-Target", "X-Amz-Date", "Authorization");

  private final URI target;
  private final ConcurrentLinkedQueue<Failure> script;
  private final UnaryOperator<String> rewrite;
  private final AtomicInteger requests = new AtomicInteger();
  private final HttpClient relay =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final HttpServer server;

  /** Scripted failures first, then every request relayed as it is. */
  ScriptedFront(URI target, List<Failure> failures) throws IOException {
    this(target, failures, UnaryOperator.identity());
  }

  /** Scripted failures first, then every request body relayed through {@code rewrite}. */
  ScriptedFront(URI target, List<Failure> failures, UnaryOperator<String> rewrite)
      throws IOException {
    this.target = target;
    this.script = new ConcurrentLinkedQueue<>(failures);
    this.rewrite = rewrite;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::answer);
    server.start();
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Every request that arrived, scripted or relayed. */
  int requests() {
    return requests.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void answer(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    String body;
    try (InputStream in = exchange.getRequestBody()) {
      body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Failure failure = script.poll();
    if (failure != null) {
      send(
          exchange,
          failure.status(),
          ("{\"__type\":\"com.amazonaws.dynamodb.v20120810#"
                  + failure.type()
                  + "\",\"message\":\"scripted "
                  + failure.type()
                  + "\"}")
              .getBytes(StandardCharsets.UTF_8));
      return;
    }
    HttpRequest.Builder upstream =
        HttpRequest.newBuilder(target)
            .POST(HttpRequest.BodyPublishers.ofString(rewrite.apply(body), StandardCharsets.UTF_8));
    for (String name : RELAYED_HEADERS) {
      String value = exchange.getRequestHeaders().getFirst(name);
      if (value != null) {
        upstream.header(name, value);
      }
    }
    try {
      HttpResponse<byte[]> answer =
          relay.send(upstream.build(), HttpResponse.BodyHandlers.ofByteArray());
      send(exchange, answer.statusCode(), answer.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while relaying", e);
    }
  }

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
