package dev.portcullis.gateway;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Forwards allowed requests to {@code --upstream} with the JDK's HttpClient, as an HTTP proxy
 * integration would, adding the authorizer's answer as {@link ContextHeaders} after dropping any
 * that the client sent.
 */
public final class UpstreamIntegration implements Integration {

  /** API Gateway's REST integration timeout: 29 seconds. */
  static final Duration TIMEOUT = Duration.ofSeconds(29);

  /** Hop-by-hop headers (RFC 9110 §7.6.1) and those the JDK client sets itself. */
  private static final Set<String> NOT_FORWARDED =
      Set.of(
          "connection",
          "keep-alive",
          "proxy-authenticate",
          "proxy-authorization",
          "proxy-connection",
          "te",
          "trailer",
          "transfer-encoding",
          "upgrade",
          "host",
          "content-length",
          "expect",
          "date",
          "via");

  private final URI base;
  private final HttpClient client;

  public UpstreamIntegration(URI base) {
    String text = base.toString();
    this.base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  @Override
  public IntegrationResponse call(IncomingRequest request, byte[] body, AuthorizedCall call)
      throws IOException, InterruptedException {
    String query = request.query().raw();
    HttpRequest.Builder forward =
        HttpRequest.newBuilder(
                URI.create(base + request.rawPath() + (query.isEmpty() ? "" : "?" + query)))
            .timeout(TIMEOUT)
            .method(
                request.method(),
                body.length == 0
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    request
        .headers()
        .forEach(
            (name, values) -> {
              if (!NOT_FORWARDED.contains(name) && !ContextHeaders.isReserved(name)) {
                values.forEach(value -> header(forward, name, value));
              }
            });
    ContextHeaders.of(call).forEach((name, value) -> header(forward, name, value));
    HttpResponse<byte[]> response =
        client.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
    Map<String, List<String>> headers = new LinkedHashMap<>();
    response
        .headers()
        .map()
        .forEach(
            (name, values) -> {
              if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                headers.put(name, values);
              }
            });
    return new IntegrationResponse(response.statusCode(), headers, response.body());
  }

  /** Adds a header, leaving out one the JDK client refuses (restricted name, illegal value). */
  private static void header(HttpRequest.Builder request, String name, String value) {
    try {
      request.header(name, value);
    } catch (IllegalArgumentException e) {
      // Not forwarded: the client sent something the upstream could not receive either.
    }
  }
}
