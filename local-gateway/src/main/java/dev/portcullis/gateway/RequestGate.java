package dev.portcullis.gateway;

import com.sun.net.httpserver.HttpExchange;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Reads a request as API Gateway receives it, and checks it as API Gateway does before it invokes
 * the authorizer: the header quota, the methods it routes, the method ARN's length, and the
 * identity sources.
 */
final class RequestGate {

  /** API Gateway's quota on the headers of a request, in bytes. */
  static final int MAX_HEADER_BYTES = 10_240;

  private static final Set<String> METHODS =
      Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

  /** What the gate lets through, or API Gateway's own refusal. */
  sealed interface Admission {}

  /** Refused before the authorizer runs. */
  record Refused(Rejection rejection) implements Admission {}

  /**
   * Let through to the authorizer.
   *
   * @param identityValues the identity sources' values, in order; null or empty where one is
   *     missing, which only a REST REQUEST authorizer without a cache lets through
   * @param complete whether every identity source has a value
   */
  record Admitted(RouteCall route, List<String> identityValues, boolean complete)
      implements Admission {}

  private final GatewaySettings settings;

  RequestGate(GatewaySettings settings) {
    this.settings = settings;
  }

  /** The request as the exchange carries it, received at {@code at}, with a new request id. */
  static IncomingRequest read(HttpExchange exchange, Instant at) {
    String rawPath = exchange.getRequestURI().getRawPath();
    return new IncomingRequest(
        exchange.getRequestMethod(),
        rawPath == null ? "" : rawPath,
        QueryString.parse(exchange.getRequestURI().getRawQuery()),
        exchange.getRequestHeaders(),
        exchange.getRemoteAddress().getAddress().getHostAddress(),
        exchange.getProtocol(),
        requestId(),
        at);
  }

  /**
   * Checks {@code request}, whose request line named {@code requestUri}, in API Gateway's order.
   */
  Admission admit(IncomingRequest request, String requestUri) {
    if (headerBytes(request, requestUri) > MAX_HEADER_BYTES) {
      return new Refused(Rejection.HEADERS_TOO_LARGE);
    }
    if (!METHODS.contains(request.method()) || !request.rawPath().startsWith("/")) {
      return new Refused(Rejection.UNSUPPORTED_METHOD);
    }
    RouteCall route = RouteCall.of(settings.kind(), settings.api(), request);
    if (route.arn().getBytes(StandardCharsets.UTF_8).length > RouteCall.MAX_ARN_BYTES) {
      return new Refused(Rejection.ARN_TOO_LONG);
    }
    List<String> values = new ArrayList<>();
    boolean missing = false;
    for (IdentitySource source : settings.identitySources()) {
      String value = source.valueIn(request, settings.kind(), route.routeKey());
      missing |= value == null || value.isEmpty();
      values.add(value);
    }
    if (missing && identitySourcesRequired()) {
      // API Gateway answers by itself, without invoking the authorizer.
      return new Refused(Rejection.UNAUTHORIZED);
    }
    return new Admitted(route, values, !missing);
  }

  /**
   * Whether a missing identity source is refused with 401 before the authorizer runs: always for
   * TOKEN, HTTP and WebSocket authorizers; for REST REQUEST authorizers only with caching on, as
   * AWS's documentation says.
   */
  private boolean identitySourcesRequired() {
    return settings.kind() != ApiKind.REST_REQUEST || settings.cacheTtlSeconds() > 0;
  }

  /**
   * REST APIs count the header values; HTTP APIs count the request line and the header values
   * (AWS's quotas pages). WebSocket APIs are counted as HTTP APIs.
   */
  private int headerBytes(IncomingRequest request, String requestUri) {
    int total = 0;
    for (List<String> values : request.headers().values()) {
      for (String value : values) {
        total += value.length();
      }
    }
    if (settings.kind().family() != ApiKind.Family.REST) {
      total +=
          request.method().length() + 1 + requestUri.length() + 1 + request.protocol().length();
    }
    return total;
  }

  /** A version-4 UUID from a thread-local generator: unique enough, and no SecureRandom lock. */
  private static String requestId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(high, low).toString();
  }
}
