package dev.portcullis.gateway;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.portcullis.domain.policy.Effect;
import dev.portcullis.domain.policy.PolicyDocument;
import dev.portcullis.domain.policy.PolicyEvaluator;
import dev.portcullis.domain.policy.Statement;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Plays API Gateway for one request: the {@link RequestGate} checks it, the {@link
 * CachingAuthorizer} answers for the caller, the answer's policy is evaluated against the route's
 * ARN, and {@link Replies} answers 401, 403 or 500 as API Gateway would, or hands the request to
 * the integration. Every request gets one access-log line, and a place in the decision inspector.
 */
final class GatewayHandler implements HttpHandler {

  private final ApiKind kind;
  private final GatewaySettings settings;
  private final RequestGate gate;
  private final CachingAuthorizer authorizer;
  private final Replies replies;
  private final AccessLog accessLog;
  private final PrintStream errors;
  private final Clock clock;
  private final DecisionInspector inspector;

  /** A reply, and how the request came to it. */
  private record Handled(Replies.Reply reply, CallTrace trace) {}

  GatewayHandler(
      GatewaySettings settings,
      RequestStreamHandler authorizer,
      boolean simpleResponses,
      ResultCache cache,
      Integration integration,
      PrintStream log,
      Clock clock,
      DecisionInspector inspector) {
    this.kind = settings.kind();
    this.settings = settings;
    this.gate = new RequestGate(settings);
    this.authorizer = new CachingAuthorizer(settings, authorizer, simpleResponses, cache, log);
    this.replies = new Replies(settings.kind().family(), integration, log);
    this.accessLog = new AccessLog(log);
    this.errors = log;
    this.clock = clock;
    this.inspector = inspector;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    long started = System.nanoTime();
    Instant at = clock.instant();
    IncomingRequest request = RequestGate.read(exchange, at);
    Handled handled;
    try {
      handled = process(exchange, request);
    } catch (RuntimeException | IOException e) {
      errors.println("portcullis serve: unexpected " + e.getClass().getSimpleName());
      handled = failed(Rejection.AUTHORIZER_FAILURE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      handled = failed(Rejection.INTEGRATION_FAILURE);
    }
    Replies.Reply reply = handled.reply();
    long latency = System.nanoTime() - started;
    // Logged and kept before the answer is sent, so a client that has its answer finds both.
    accessLog.log(
        at,
        request.method(),
        request.rawPath(),
        reply.status(),
        latency,
        reply.cache(),
        reply.principal());
    inspector.record(
        request, reply.status(), reply.principal(), reply.cache(), latency, handled.trace());
    try {
      replies.send(exchange, request, reply);
    } finally {
      exchange.close();
    }
  }

  private Handled failed(Rejection rejection) {
    return new Handled(
        replies.rejection(rejection, AccessLog.Cache.NONE, null),
        CallTrace.refused(null, rejection));
  }

  private Handled process(HttpExchange exchange, IncomingRequest request)
      throws IOException, InterruptedException {
    RequestGate.Admission admission = gate.admit(request, exchange.getRequestURI().toString());
    if (admission instanceof RequestGate.Refused refused) {
      Rejection rejection = refused.rejection();
      RouteCall route =
          rejection == Rejection.UNAUTHORIZED ? RouteCall.of(kind, settings.api(), request) : null;
      return new Handled(
          replies.rejection(rejection, AccessLog.Cache.NONE, null),
          CallTrace.refused(route, rejection));
    }
    RequestGate.Admitted admitted = (RequestGate.Admitted) admission;
    RouteCall route = admitted.route();
    CachingAuthorizer.Outcome outcome = authorizer.authorize(request, admitted);
    if (outcome instanceof CachingAuthorizer.Failed failed) {
      return new Handled(
          replies.rejection(failed.rejection(), failed.cache(), null),
          new CallTrace(route, failed.rejection(), failed.event(), true, null, failed.detail()));
    }
    CachingAuthorizer.Answered answered = (CachingAuthorizer.Answered) outcome;
    AuthorizerResponse answer = answered.answer();
    boolean sent = answered.event() != null;
    byte[] event = sent ? answered.event() : authorizer.event(request, admitted);
    String principal = principal(answer);
    Rejection denial = evaluate(answer, route.arn());
    CallTrace trace = new CallTrace(route, denial, event, sent, answer, null);
    if (denial != null) {
      return new Handled(replies.rejection(denial, answered.cache(), principal), trace);
    }
    AuthorizedCall call = new AuthorizedCall(kind, answer, answered.latencyMillis());
    return new Handled(
        replies.forward(exchange.getRequestBody(), request, call, answered.cache(), principal),
        trace);
  }

  /** Null when the answer allows {@code arn}; otherwise the kind of 403. */
  static Rejection evaluate(AuthorizerResponse answer, String arn) {
    if (answer instanceof AuthorizerResponse.Simple simple) {
      return simple.authorized() ? null : Rejection.IMPLICIT_DENY;
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
    if (answer instanceof AuthorizerResponse.Policy policy) {
      return policy.principalId();
    }
    Object principal = answer.context().get("principalId");
    return principal instanceof String string ? string : null;
  }
}
