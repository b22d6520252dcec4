package dev.portcullis.gateway;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The gateway's answers: API Gateway's own for a refused request, or the integration's for an
 * allowed one; and how they go back to the client, with API Gateway's request-id header.
 */
final class Replies {

  /** API Gateway's payload quota: 10 MB. */
  static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

  /** What the gateway sends back, and what the access log says about it. */
  record Reply(
      int status,
      Map<String, List<String>> headers,
      byte[] body,
      AccessLog.Cache cache,
      String principal) {}

  private final ApiKind.Family family;
  private final Integration integration;
  private final PrintStream errors;

  Replies(ApiKind.Family family, Integration integration, PrintStream errors) {
    this.family = family;
    this.integration = integration;
    this.errors = errors;
  }

  /** API Gateway's own answer for {@code rejection}. */
  Reply rejection(Rejection rejection, AccessLog.Cache cache, String principal) {
    GatewayResponse response = GatewayResponse.of(family, rejection);
    Map<String, List<String>> headers =
        response.errorType().map(t -> Map.of("x-amzn-ErrorType", List.of(t))).orElse(Map.of());
    return new Reply(response.status(), headers, response.bodyBytes(), cache, principal);
  }

  /**
   * Hands an allowed request, whose body is still to be read from {@code body}, to the integration.
   */
  Reply forward(
      InputStream body,
      IncomingRequest request,
      AuthorizedCall call,
      AccessLog.Cache cache,
      String principal)
      throws IOException, InterruptedException {
    byte[] bytes = readBody(body);
    if (bytes == null) {
      return rejection(Rejection.PAYLOAD_TOO_LARGE, cache, principal);
    }
    try {
      IntegrationResponse response = integration.call(request, bytes, call);
      return new Reply(response.status(), response.headers(), response.body(), cache, principal);
    } catch (IOException e) {
      errors.println(
          "portcullis serve: the upstream failed for request "
              + request.requestId()
              + ": "
              + e.getClass().getSimpleName());
      return rejection(Rejection.INTEGRATION_FAILURE, cache, principal);
    }
  }

  /** Sends {@code reply}; a HEAD request, a 204 and a 304 get no body. */
  void send(HttpExchange exchange, IncomingRequest request, Reply reply) throws IOException {
    Headers headers = exchange.getResponseHeaders();
    reply.headers().forEach((name, values) -> headers.put(name, new ArrayList<>(values)));
    if (!headers.containsKey("Content-Type")) {
      headers.set("Content-Type", "application/json");
    }
    headers.set(
        family == ApiKind.Family.REST ? "x-amzn-RequestId" : "apigw-requestid",
        request.requestId());
    boolean noBody =
        reply.body().length == 0
            || request.method().equals("HEAD")
            || reply.status() == 204
            || reply.status() == 304;
    exchange.sendResponseHeaders(reply.status(), noBody ? -1 : reply.body().length);
    if (!noBody) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(reply.body());
      }
    }
  }

  /** The body, or null when it is larger than API Gateway's payload quota. */
  private static byte[] readBody(InputStream in) throws IOException {
    byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
    return body.length > MAX_BODY_BYTES ? null : body;
  }
}
