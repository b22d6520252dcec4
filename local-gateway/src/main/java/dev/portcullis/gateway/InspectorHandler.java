package dev.portcullis.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Serves the decision inspector under {@value #PREFIX}: the page, its script and style (resources
 * of this module: no build step, nothing fetched from elsewhere), and the JSON the page polls.
 * Nothing under the prefix ever reaches the authorizer. It answers clients on this machine only,
 * and only to a loopback host name, so that a web page elsewhere cannot read it through a rebound
 * DNS name.
 */
final class InspectorHandler implements HttpHandler {

  /** Where the inspector lives. */
  static final String PREFIX = "/_portcullis";

  /** The inspector's own files, by the name under {@value #PREFIX}. */
  private static final Map<String, String> FILES =
      Map.of(
          "/", "index.html",
          "/inspector.js", "inspector.js",
          "/inspector.css", "inspector.css",
          "/favicon.svg", "favicon.svg");

  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "svg", "image/svg+xml");

  private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "[::1]");

  /** Scripts, styles and requests from the inspector's own origin only; no frames, no forms. */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self';"
          + " img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  private final DecisionInspector inspector;

  InspectorHandler(DecisionInspector inspector) {
    this.inspector = inspector;
  }

  /** Whether {@code uri}, once decoded, names the inspector rather than a route of the API. */
  static boolean claims(URI uri) {
    String path = uri.getPath();
    return path != null && (path.equals(PREFIX) || path.startsWith(PREFIX + "/"));
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      answer(exchange);
    } finally {
      exchange.close();
    }
  }

  private void answer(HttpExchange exchange) throws IOException {
    if (!exchange.getRemoteAddress().getAddress().isLoopbackAddress()
        || !loopbackHost(exchange.getRequestHeaders().getFirst("Host"))) {
      send(exchange, 403, "text/plain; charset=utf-8", bytes("The inspector is local-only.\n"));
      return;
    }
    String method = exchange.getRequestMethod();
    if (!method.equals("GET") && !method.equals("HEAD")) {
      exchange.getResponseHeaders().set("Allow", "GET, HEAD");
      send(exchange, 405, "text/plain; charset=utf-8", bytes("GET or HEAD only.\n"));
      return;
    }
    String path = exchange.getRequestURI().getPath().substring(PREFIX.length());
    if (path.isEmpty()) {
      exchange.getResponseHeaders().set("Location", PREFIX + "/");
      send(exchange, 308, "text/plain; charset=utf-8", bytes(PREFIX + "/\n"));
      return;
    }
    String file = FILES.get(path);
    if (file != null) {
      send(exchange, 200, TYPES.get(file.substring(file.lastIndexOf('.') + 1)), resource(file));
    } else if (path.equals("/api/calls")) {
      send(exchange, 200, "application/json", calls(after(exchange.getRequestURI())));
    } else if (path.startsWith("/api/calls/")) {
      Optional<InspectorLog.Entry> entry = id(path.substring("/api/calls/".length()));
      if (entry.isPresent()) {
        send(exchange, 200, "application/json", entry.get().detail());
      } else {
        send(exchange, 404, "application/json", bytes("{\"message\":\"No such request kept\"}"));
      }
    } else {
      send(exchange, 404, "application/json", bytes("{\"message\":\"Not Found\"}"));
    }
  }

  /** {@code {"lastId":N,"capacity":200,"calls":[…]}}: the rows newer than {@code after}. */
  private byte[] calls(long after) {
    InspectorLog log = inspector.log();
    ObjectNode json = Json.MAPPER.createObjectNode();
    json.put("lastId", log.lastId()).put("capacity", InspectorLog.CAPACITY);
    ArrayNode calls = json.putArray("calls");
    log.after(after).forEach(entry -> calls.add(entry.row()));
    try {
      return Json.MAPPER.writeValueAsBytes(json);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e); // unreachable: a tree of plain values always serialises
    }
  }

  private static long after(URI uri) {
    String after = QueryString.parse(uri.getRawQuery()).last("after");
    try {
      return after == null ? 0 : Math.max(0, Long.parseLong(after));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private Optional<InspectorLog.Entry> id(String text) {
    try {
      return inspector.log().find(Long.parseLong(text));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Whether the Host header names this machine by a loopback name, whatever the port. */
  static boolean loopbackHost(String host) {
    if (host == null) {
      return false;
    }
    String name = host.toLowerCase(Locale.ROOT);
    int colon = name.lastIndexOf(':');
    if (colon > name.lastIndexOf(']')) {
      name = name.substring(0, colon);
    }
    return LOOPBACK_NAMES.contains(name);
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    Headers headers = exchange.getResponseHeaders();
    headers.set("Content-Type", type);
    headers.set("Cache-Control", "no-store");
    headers.set("X-Content-Type-Options", "nosniff");
    headers.set("Referrer-Policy", "no-referrer");
    headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, head ? -1 : body.length);
    if (!head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = InspectorHandler.class.getResourceAsStream("inspector/" + name)) {
      if (in == null) {
        throw new IOException("the inspector's " + name + " is missing from the module");
      }
      return in.readAllBytes();
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
