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
   * @param event the event sent to the authorizer; null when the cache answered
   */
  record Answered(
      AuthorizerResponse answer, AccessLog.Cache cache, long latencyMillis, byte[] event)
      implements Outcome {}

  /**
   * The authorizer refused the caller (401) or failed (500); nothing was cached.
   *
   * @param detail the authorizer's error message, or what API Gateway would refuse in its answer
   * @param event the event sent to the authorizer
   */
  record Failed(Rejection rejection, AccessLog.Cache cache, String detail, byte[] event)
      implements Outcome {}

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
      return new Answered(answer, AccessLog.Cache.HIT, 0, null);
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
    return new Answered(fresh, use, latencyMillis, answered.event());
  }

  /** The event the authorizer gets for {@code request}: what a cache hit spared it. */
  byte[] event(IncomingRequest request, RequestGate.Admitted admitted) {
    return events.write(request, admitted.route(), admitted.identityValues());
  }

  private Outcome invoke(
      IncomingRequest request, RequestGate.Admitted admitted, AccessLog.Cache use) {
    byte[] event = event(request, admitted);
    ByteArrayOutputStream response = new ByteArrayOutputStream(1024);
    try {
      authorizer.handleRequest(
          new ByteArrayInputStream(event),
          response,
          new LambdaContext(request.requestId(), settings.api(), errors));
    } catch (Exception e) {
      if (LocalGateway.UNAUTHORIZED.equals(e.getMessage())) {
        return new Failed(Rejection.UNAUTHORIZED, use, LocalGateway.UNAUTHORIZED, event);
      }
      // The adapter's failure messages never hold a token: they name the backend or the problem.
      errors.println("portcullis serve: the authorizer failed: " + e.getMessage());
      return new Failed(Rejection.AUTHORIZER_FAILURE, use, String.valueOf(e.getMessage()), event);
    }
    byte[] bytes = response.toByteArray();
    if (settings.kind() == ApiKind.WEBSOCKET && bytes.length > MAX_WEBSOCKET_RESULT_BYTES) {
      String detail = "the authorizer's answer is larger than 8 KB";
      errors.println("portcullis serve: " + detail);
      return new Failed(Rejection.AUTHORIZER_FAILURE, use, detail, event);
    }
    try {
      return new Answered(
          ResponseReader.read(bytes, settings.kind(), simpleResponses), use, 0, event);
    } catch (MalformedResponseException e) {
      String detail = "API Gateway would refuse the answer: " + e.getMessage();
      errors.println("portcullis serve: " + detail);
      return new Failed(Rejection.AUTHORIZER_FAILURE, use, detail, event);
    }
  }
}
