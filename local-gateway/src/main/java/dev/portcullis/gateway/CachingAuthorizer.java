package dev.portcullis.gateway;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

/**
 * The authorizer behind API Gateway's result cache: looks the identity-source values up, and on a
 * miss writes the event, invokes the authorizer as Lambda would, reads its answer as API Gateway
 * does and keeps it for the TTL. Failures are never kept.
 */
final class CachingAuthorizer {

  /** WebSocket APIs refuse authorizer results larger than 8 KB. */
  static final int MAX_WEBSOCKET_RESULT_BYTES = 8 * 1024;

  /** The authorizer's answer for a request, or the failure that stands in for one. */
  sealed interface Outcome {
    /** How the cache served the request. */
    AccessLog.Cache cache();
  }

  /**
   * An answer, from the cache or from the authorizer.
   *
   * @param latencyMillis how long the authorizer took; 0 when the cache answered
   */
  record Answered(AuthorizerResponse answer, AccessLog.Cache cache, long latencyMillis)
      implements Outcome {}

  /** The authorizer refused the caller (401) or failed (500); nothing was cached. */
  record Failed(Rejection rejection, AccessLog.Cache cache) implements Outcome {}

  private final GatewaySettings settings;
  private final RequestStreamHandler authorizer;
  private final boolean simpleResponses;
  private final EventWriter events;
  private final ResultCache cache;
  private final PrintStream errors;

  CachingAuthorizer(
      GatewaySettings settings,
      RequestStreamHandler authorizer,
      boolean simpleResponses,
      ResultCache cache,
      PrintStream errors) {
    this.settings = settings;
    this.authorizer = authorizer;
    this.simpleResponses = simpleResponses && settings.kind() == ApiKind.HTTP_V2;
    this.events = new EventWriter(settings.kind(), settings.api());
    this.cache = cache;
    this.errors = errors;
  }

  /** The answer for {@code request}, which the gate let through as {@code admitted}. */
  Outcome authorize(IncomingRequest request, RequestGate.Admitted admitted) {
    boolean cached = cache.enabled() && !admitted.identityValues().isEmpty() && admitted.complete();
    String key = cached ? ResultCache.key(admitted.identityValues()) : null;
    AuthorizerResponse answer = cached ? cache.get(key) : null;
    if (answer != null) {
      return new Answered(answer, AccessLog.Cache.HIT, 0);
    }
    AccessLog.Cache use = cached ? AccessLog.Cache.MISS : AccessLog.Cache.OFF;
    long invoked = System.nanoTime();
    Outcome outcome = invoke(request, admitted, use);
    long latencyMillis = (System.nanoTime() - invoked) / 1_000_000;
    if (!(outcome instanceof Answered answered)) {
      return outcome;
    }
    AuthorizerResponse fresh = answered.answer();
    if (settings.naive()) {
      fresh = NaivePolicy.narrow(fresh, admitted.route().arn());
    }
    if (cached) {
      cache.put(key, fresh);
    }
    return new Answered(fresh, use, latencyMillis);
  }

  private Outcome invoke(
      IncomingRequest request, RequestGate.Admitted admitted, AccessLog.Cache use) {
    byte[] event = events.write(request, admitted.route(), admitted.identityValues());
    ByteArrayOutputStream response = new ByteArrayOutputStream(1024);
    try {
      authorizer.handleRequest(
          new ByteArrayInputStream(event),
          response,
          new LambdaContext(request.requestId(), settings.api(), errors));
    } catch (Exception e) {
      if (LocalGateway.UNAUTHORIZED.equals(e.getMessage())) {
        return new Failed(Rejection.UNAUTHORIZED, use);
      }
      // The adapter's failure messages never hold a token: they name the backend or the problem.
      errors.println("portcullis serve: the authorizer failed: " + e.getMessage());
      return new Failed(Rejection.AUTHORIZER_FAILURE, use);
    }
    byte[] bytes = response.toByteArray();
    if (settings.kind() == ApiKind.WEBSOCKET && bytes.length > MAX_WEBSOCKET_RESULT_BYTES) {
      errors.println("portcullis serve: the authorizer's answer is larger than 8 KB");
      return new Failed(Rejection.AUTHORIZER_FAILURE, use);
    }
    try {
      return new Answered(ResponseReader.read(bytes, settings.kind(), simpleResponses), use, 0);
    } catch (MalformedResponseException e) {
      errors.println("portcullis serve: API Gateway would refuse the answer: " + e.getMessage());
      return new Failed(Rejection.AUTHORIZER_FAILURE, use);
    }
  }
}
