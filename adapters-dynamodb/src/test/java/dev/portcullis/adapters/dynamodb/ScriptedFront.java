package dev.portcullis.adapters.dynamodb;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP front for a real server: it answers the first requests with scripted DynamoDB
 * errors (what a local server cannot be made to send: throttling, 5xx, a refusal), then relays
 * every later request to the server and its answer back unchanged.
 */
final class ScriptedFront implements AutoCloseable {

  /** One scripted answer: an HTTP status and DynamoDB's error type. */
  record Failure(int status, String type) {}

  private final URI target;
  private final ConcurrentLinkedQueue<Failure> script;
  private final AtomicInteger requests = new AtomicInteger();
  private final HttpServer server;

  ScriptedFront(URI target, List<Failure> failures) throws IOException {
    this.target = target;
    this.script = new ConcurrentLinkedQueue<>(failures);
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
    byte[] request;
    try (InputStream in = exchange.getRequestBody()) {
      request = in.readAllBytes();
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
    HttpURLConnection upstream = (HttpURLConnection) target.toURL().openConnection();
    upstream.setRequestMethod("POST");
    upstream.setDoOutput(true);
    for (String name : List.of("Content-Type", "X-Amz-Target", "X-Amz-Date", "Authorization")) {
      upstream.setRequestProperty(name, exchange.getRequestHeaders().getFirst(name));
    }
    try (OutputStream out = upstream.getOutputStream()) {
      out.write(request);
    }
    int status = upstream.getResponseCode();
    try (InputStream in = status < 400 ? upstream.getInputStream() : upstream.getErrorStream()) {
      send(exchange, status, in.readAllBytes());
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
