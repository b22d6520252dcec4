package dev.portcullis.bootstrap.serve;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.portcullis.domain.policy.Effect;
import dev.portcullis.domain.policy.PolicyDocument;
import dev.portcullis.domain.policy.PolicyEvaluator;
import dev.portcullis.domain.policy.Statement;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Plays API Gateway for one request: checks the limits and identity sources, asks the cache or the
 * authorizer, evaluates the policy against the route's ARN, then answers 401, 403 or 500 as API
 * Gateway would, or hands the request to the integration.
 */
final class GatewayHandler implements HttpHandler {

  /** API Gateway's quota on the headers of a request, in bytes. */
  static final int MAX_HEADER_BYTES = 10_240;

  /** API Gateway's payload quota: 10 MB. */
  static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

  /** WebSocket APIs refuse authorizer results larger than 8 KB. */
  static final int MAX_WEBSOCKET_RESULT_BYTES = 8 * 1024;

  private static final Set<String> METHODS =
      Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

  private final GatewaySettings settings;
  private final AuthorizerFunction authorizer;
  private final boolean simpleResponses;
  private final EventWriter events;
  private final ResultCache cache;
  private final Integration integration;
  private final AccessLog accessLog;
  private final PrintStream errors;
  private final Clock clock;

  GatewayHandler(
      GatewaySettings settings,
      AuthorizerFunction authorizer,
      boolean simpleResponses,
      ResultCache cache,
      Integration integration,
      PrintStream log,
      Clock clock) {
    this.settings = settings;
    this.authorizer = authorizer;
    this.simpleResponses = simpleResponses && settings.kind() == ApiKind.HTTP_V2;
    this.events = new EventWriter(settings.kind(), settings.api());
    this.cache = cache;
    this.integration = integration;
    this.accessLog = new AccessLog(log);
    this.errors = log;
    this.clock = clock;
  }

  /** What the gateway sends back, and what the access log says about it. */
  private record Reply(
      int status,
      Map<String, List<String>> headers,
      byte[] body,
      AccessLog.Cache cache,
      String principal) {}

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    long started = System.nanoTime();
    Instant at = clock.instant();
    IncomingRequest request = request(exchange, at);
    Reply reply;
    try {
      reply = process(exchange, request);
    } catch (RuntimeException | IOException e) {
      errors.println("portcullis serve: unexpected " + e.getClass().getSimpleName());
      reply = rejection(Rejection.AUTHORIZER_FAILURE, AccessLog.Cache.NONE, null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      reply = rejection(Rejection.INTEGRATION_FAILURE, AccessLog.Cache.NONE, null);
    }
    // Logged before the answer is sent, so a client that has its answer finds the line written.
    accessLog.log(
        at,
        request.method(),
        request.rawPath(),
        reply.status(),
        System.nanoTime() - started,
        reply.cache(),
        reply.principal());
    try {
      send(exchange, request, reply);
    } finally {
      exchange.close();
    }
  }

  private Reply process(HttpExchange exchange, IncomingRequest request)
      throws IOException, InterruptedException {
    if (headerBytes(exchange, request) > MAX_HEADER_BYTES) {
      return rejection(Rejection.HEADERS_TOO_LARGE, AccessLog.Cache.NONE, null);
    }
    if (!METHODS.contains(request.method()) || !request.rawPath().startsWith("/")) {
      return rejection(Rejection.UNSUPPORTED_METHOD, AccessLog.Cache.NONE, null);
    }
    RouteCall route = RouteCall.of(settings.kind(), settings.api(), request);
    if (route.arn().getBytes(StandardCharsets.UTF_8).length > RouteCall.MAX_ARN_BYTES) {
      return rejection(Rejection.ARN_TOO_LONG, AccessLog.Cache.NONE, null);
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
      return rejection(Rejection.UNAUTHORIZED, AccessLog.Cache.NONE, null);
    }
    boolean cached = cache.enabled() && !values.isEmpty() && !missing;
    String key = cached ? ResultCache.key(values) : null;
    AuthorizerResponse answer = cached ? cache.get(key) : null;
    AccessLog.Cache use =
        answer != null ? AccessLog.Cache.HIT : cached ? AccessLog.Cache.MISS : AccessLog.Cache.OFF;
    long latencyMillis = 0;
    if (answer == null) {
      long invoked = System.nanoTime();
      Invocation invocation = invoke(request, route, values);
      latencyMillis = (System.nanoTime() - invoked) / 1_000_000;
      if (invocation.rejection() != null) {
        return rejection(invocation.rejection(), use, null);
      }
      answer = invocation.answer();
      if (settings.naive()) {
        answer = NaivePolicy.narrow(answer, route.arn());
      }
      if (cached) {
        cache.put(key, answer);
      }
    }
    AuthorizedCall call = new AuthorizedCall(settings.kind(), answer, latencyMillis);
    String principal = principal(answer);
    Rejection denial = evaluate(answer, route.arn());
    if (denial != null) {
      return rejection(denial, use, principal);
    }
    byte[] body = readBody(exchange.getRequestBody());
    if (body == null) {
      return rejection(Rejection.PAYLOAD_TOO_LARGE, use, principal);
    }
    try {
      IntegrationResponse response = integration.call(request, body, call);
      return new Reply(response.status(), response.headers(), response.body(), use, principal);
    } catch (IOException e) {
      errors.println(
          "portcullis serve: the upstream failed for request "
              + request.requestId()
              + ": "
              + e.getClass().getSimpleName());
      return rejection(Rejection.INTEGRATION_FAILURE, use, principal);
    }
  }

  /** The authorizer's answer, or the rejection its failure gives. */
  private record Invocation(AuthorizerResponse answer, Rejection rejection) {}

  private Invocation invoke(IncomingRequest request, RouteCall route, List<String> values) {
    byte[] event = events.write(request, route, values);
    ByteArrayOutputStream response = new ByteArrayOutputStream(1024);
    try {
      authorizer.handle(new ByteArrayInputStream(event), response, request.requestId());
    } catch (Exception e) {
      if (AuthorizerFunction.UNAUTHORIZED.equals(e.getMessage())) {
        return new Invocation(null, Rejection.UNAUTHORIZED);
      }
      // The adapter's failure messages never hold a token: they name the backend or the problem.
      errors.println("portcullis serve: the authorizer failed: " + e.getMessage());
      return new Invocation(null, Rejection.AUTHORIZER_FAILURE);
    }
    byte[] bytes = response.toByteArray();
    if (settings.kind() == ApiKind.WEBSOCKET && bytes.length > MAX_WEBSOCKET_RESULT_BYTES) {
      errors.println("portcullis serve: the authorizer's answer is larger than 8 KB");
      return new Invocation(null, Rejection.AUTHORIZER_FAILURE);
    }
    try {
      return new Invocation(ResponseReader.read(bytes, settings.kind(), simpleResponses), null);
    } catch (MalformedResponseException e) {
      errors.println("portcullis serve: API Gateway would refuse the answer: " + e.getMessage());
      return new Invocation(null, Rejection.AUTHORIZER_FAILURE);
    }
  }

  /**
   * Whether a missing identity source is refused with 401 before the authorizer runs: always for
   * TOKEN, HTTP and WebSocket authorizers; for REST REQUEST authorizers only with caching on, as
   * AWS's documentation says.
   */
  private boolean identitySourcesRequired() {
    return settings.kind() != ApiKind.REST_REQUEST || cache.enabled();
  }

  /** Null when the answer allows {@code arn}; otherwise the kind of 403. */
  static Rejection evaluate(AuthorizerResponse answer, String arn) {
    if (answer instanceof AuthorizerResponse.Simple) {
      return ((AuthorizerResponse.Simple) answer).authorized() ? null : Rejection.IMPLICIT_DENY;
    }
    PolicyDocument policy = ((AuthorizerResponse.Policy) answer).policy();
    if (PolicyEvaluator.allows(policy, arn)) {
      return null;
    }
    // Which statement denied is not the evaluator's question; asking it whether the Deny
    // statements, read as Allows, match the ARN tells an explicit Deny from no match at all.
    List<Statement> denies = new ArrayList<>();
    for (Statement statement : policy.statements()) {
      if (statement.effect() == Effect.Deny) {
        denies.add(new Statement(Effect.Allow, statement.actions(), statement.resources()));
      }
    }
    return !denies.isEmpty() && PolicyEvaluator.allows(new PolicyDocument(denies), arn)
        ? Rejection.EXPLICIT_DENY
        : Rejection.IMPLICIT_DENY;
  }

  private static String principal(AuthorizerResponse answer) {
    if (answer instanceof AuthorizerResponse.Policy) {
      return ((AuthorizerResponse.Policy) answer).principalId();
    }
    Object principal = answer.context().get("principalId");
    return principal instanceof String ? (String) principal : null;
  }

  /**
   * REST APIs count the header values; HTTP APIs count the request line and the header values
   * (AWS's quotas pages). WebSocket APIs are counted as HTTP APIs.
   */
  private int headerBytes(HttpExchange exchange, IncomingRequest request) {
    int total = 0;
    for (List<String> values : request.headers().values()) {
      for (String value : values) {
        total += value.length();
      }
    }
    if (settings.kind().family() != ApiKind.Family.REST) {
      total +=
          request.method().length()
              + 1
              + exchange.getRequestURI().toString().length()
              + 1
              + request.protocol().length();
    }
    return total;
  }

  /** The body, or null when it is larger than API Gateway's payload quota. */
  private static byte[] readBody(InputStream in) throws IOException {
    byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
    return body.length > MAX_BODY_BYTES ? null : body;
  }

  private Reply rejection(Rejection rejection, AccessLog.Cache use, String principal) {
    GatewayResponse response = GatewayResponse.of(settings.kind().family(), rejection);
    Map<String, List<String>> headers =
        response.errorType().map(t -> Map.of("x-amzn-ErrorType", List.of(t))).orElse(Map.of());
    return new Reply(response.status(), headers, response.bodyBytes(), use, principal);
  }

  private void send(HttpExchange exchange, IncomingRequest request, Reply reply)
      throws IOException {
    Headers headers = exchange.getResponseHeaders();
    reply.headers().forEach((name, values) -> headers.put(name, new ArrayList<>(values)));
    if (!headers.containsKey("Content-Type")) {
      headers.set("Content-Type", "application/json");
    }
    headers.set(
        settings.kind().family() == ApiKind.Family.REST ? "x-amzn-RequestId" : "apigw-requestid",
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

  private static IncomingRequest request(HttpExchange exchange, Instant at) {
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

  /** A version-4 UUID from a thread-local generator: unique enough, and no SecureRandom lock. */
  private static String requestId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = random.nextLong() & ~0xF000L | 0x4000L;
    long low = random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L;
    return new UUID(high, low).toString();
  }
}
