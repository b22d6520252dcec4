package dev.portcullis.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.domain.model.Identity;
import dev.portcullis.domain.policy.Effect;
import dev.portcullis.domain.policy.PolicyDocument;
import dev.portcullis.domain.policy.PolicyEvaluator;
import dev.portcullis.domain.policy.Statement;
import dev.portcullis.domain.port.in.Explanation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Keeps what the decision inspector shows of each request: its row in the list and its detail, with
 * the event masked ({@link TokenMask}), the answer, the policy with the resources that match the
 * route flagged, and the explanation of the same event, when an {@link CallExplainer} is wired.
 * Everything is masked when it is kept: no credential is ever held here.
 */
final class DecisionInspector {

  private final InspectorLog log = new InspectorLog();
  private final CallExplainer explainer;

  /** An inspector that explains with {@code explainer}, or explains nothing when it is null. */
  DecisionInspector(CallExplainer explainer) {
    this.explainer = explainer;
  }

  /** The kept requests. */
  InspectorLog log() {
    return log;
  }

  /** Keeps {@code request}, answered with {@code status} after {@code latencyNanos}. */
  void record(
      IncomingRequest request,
      int status,
      String principal,
      AccessLog.Cache cache,
      long latencyNanos,
      CallTrace trace) {
    TokenMask mask = mask(trace.event());
    ObjectNode row = Json.MAPPER.createObjectNode();
    row.put("time", request.receivedAt().toString())
        .put("method", request.method())
        .put("path", request.rawPath())
        .put("status", status)
        .put("principal", principal)
        .put("cache", cache.label())
        .put("latency", AccessLog.millis(latencyNanos));
    ObjectNode detail = detail(row, request, trace, mask);
    mask.scrub(row);
    mask.scrub(detail);
    byte[] bytes = bytes(detail);
    log.add(
        id -> {
          ObjectNode numbered = Json.MAPPER.createObjectNode().put("id", id);
          numbered.setAll(row);
          return new InspectorLog.Entry(id, numbered, bytes);
        });
  }

  private ObjectNode detail(
      ObjectNode row, IncomingRequest request, CallTrace trace, TokenMask mask) {
    ObjectNode detail = row.deepCopy();
    String decoded = decoded(request.rawPath());
    if (!decoded.equals(request.rawPath())) {
      detail.put("decodedPath", decoded);
    }
    detail.put("outcome", trace.rejection() == null ? "ALLOWED" : trace.rejection().name());
    detail.put("summary", summary(trace));
    if (trace.route() != null) {
      detail.put("arn", trace.route().arn()).put("routeKey", trace.route().routeKey());
    }
    detail.set("event", mask.event());
    detail.put("eventSent", trace.eventSent());
    detail.set("answer", trace.answer() == null ? null : answer(trace.answer()));
    detail.put("failure", trace.failure());
    Explained explained = explain(trace.event());
    PolicyDocument policy =
        trace.answer() instanceof AuthorizerResponse.Policy answered
            ? answered.policy()
            : explained.explanation().flatMap(Explanation::policy).orElse(null);
    Optional<String> decisive = explained.explanation().flatMap(Explanation::matchedResource);
    if (policy != null && trace.route() != null) {
      detail.set("policy", policy(policy, trace.route().arn(), decisive.orElse(null)));
    }
    detail.set("explanation", explained.explanation().map(this::explanation).orElse(null));
    detail.put("explanationProblem", explained.problem());
    return detail;
  }

  /**
   * The path with its percent-escapes decoded ({@code +} stays: it means a space in queries only).
   */
  static String decoded(String rawPath) {
    try {
      return URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return rawPath;
    }
  }

  /** An explanation, or why there is none. */
  private record Explained(Optional<Explanation> explanation, String problem) {}

  private Explained explain(byte[] event) {
    if (event == null) {
      return new Explained(Optional.empty(), "The authorizer was not consulted.");
    }
    if (explainer == null) {
      return new Explained(Optional.empty(), "No explanation is wired into this gateway.");
    }
    try {
      return new Explained(Optional.of(explainer.explain(event)), null);
    } catch (RuntimeException e) {
      return new Explained(
          Optional.empty(), "The explanation failed: " + e.getClass().getSimpleName());
    }
  }

  private static TokenMask mask(byte[] event) {
    if (event == null) {
      return TokenMask.none();
    }
    try {
      JsonNode tree = Json.MAPPER.readTree(event);
      return tree instanceof ObjectNode object ? TokenMask.of(object) : TokenMask.none();
    } catch (IOException e) {
      // The gateway wrote the event itself, so this cannot happen; nothing is shown if it does.
      return TokenMask.none();
    }
  }

  /** One sentence on how the request ended. */
  static String summary(CallTrace trace) {
    if (trace.rejection() == null) {
      return "The policy allows the route: the integration answered.";
    }
    boolean consulted = trace.event() != null;
    return switch (trace.rejection()) {
      case UNAUTHORIZED ->
          consulted
              ? "The authorizer answered Unauthorized: API Gateway answers 401."
              : "An identity source is missing: API Gateway answers 401 without calling the"
                  + " authorizer.";
      case EXPLICIT_DENY -> "The policy denies the route explicitly: API Gateway answers 403.";
      case IMPLICIT_DENY ->
          trace.answer() instanceof AuthorizerResponse.Simple
              ? "The simple answer says isAuthorized false: API Gateway answers 403."
              : "No resource of the policy matches the route: API Gateway answers 403.";
      case AUTHORIZER_FAILURE ->
          "The authorizer failed, or answered in a shape API Gateway refuses: 500.";
      case HEADERS_TOO_LARGE ->
          "The headers are over API Gateway's quota: refused before the authorizer.";
      case ARN_TOO_LONG -> "The method ARN is over 1,600 bytes: refused before the authorizer.";
      case UNSUPPORTED_METHOD ->
          "API Gateway does not route this method: refused before the authorizer.";
      case PAYLOAD_TOO_LARGE -> "The body is over API Gateway's 10 MB quota.";
      default -> "The integration could not be reached.";
    };
  }

  private static ObjectNode answer(AuthorizerResponse answer) {
    ObjectNode json = Json.MAPPER.createObjectNode();
    if (answer instanceof AuthorizerResponse.Simple simple) {
      json.put("isAuthorized", simple.authorized());
    } else {
      AuthorizerResponse.Policy policy = (AuthorizerResponse.Policy) answer;
      json.put("principalId", policy.principalId());
      ObjectNode document = json.putObject("policyDocument");
      document.put("Version", PolicyDocument.VERSION);
      ArrayNode statements = document.putArray("Statement");
      for (Statement statement : policy.policy().statements()) {
        ObjectNode one = statements.addObject();
        strings(one.putArray("Action"), statement.actions());
        one.put("Effect", statement.effect().name());
        strings(one.putArray("Resource"), statement.resources());
      }
    }
    json.set("context", Json.MAPPER.valueToTree(answer.context()));
    if (answer instanceof AuthorizerResponse.Policy policy) {
      policy
          .usageIdentifierKey()
          .ifPresent(key -> json.put("usageIdentifierKey", TokenMask.replacement(key)));
    }
    return json;
  }

  /**
   * The policy's statements, each resource flagged when it matches the route's ARN and when it is
   * the one the explanation names as decisive.
   */
  private static ObjectNode policy(PolicyDocument policy, String arn, String decisive) {
    ObjectNode json = Json.MAPPER.createObjectNode();
    ArrayNode statements = json.putArray("statements");
    for (Statement statement : policy.statements()) {
      ObjectNode one = statements.addObject();
      one.put("effect", statement.effect().name());
      strings(one.putArray("actions"), statement.actions());
      ArrayNode resources = one.putArray("resources");
      for (String resource : statement.resources()) {
        resources
            .addObject()
            .put("resource", resource)
            .put("matchesRoute", matches(statement, resource, arn))
            .put("decisive", resource.equals(decisive));
      }
    }
    return json;
  }

  private static boolean matches(Statement statement, String resource, String arn) {
    Statement alone = new Statement(Effect.Allow, statement.actions(), List.of(resource));
    return PolicyEvaluator.allows(new PolicyDocument(List.of(alone)), arn);
  }

  private ObjectNode explanation(Explanation explanation) {
    ObjectNode json = Json.MAPPER.createObjectNode();
    json.put("status", explanation.status().code())
        .put("verdict", explanation.status().name())
        .put("reason", explanation.reason());
    ArrayNode backends = json.putArray("backends");
    explanation
        .backends()
        .forEach(
            step ->
                backends
                    .addObject()
                    .put("backend", step.backend())
                    .put("outcome", step.outcome().name())
                    .put("detail", step.detail()));
    json.set("identity", explanation.identity().map(DecisionInspector::identity).orElse(null));
    ArrayNode grants = json.putArray("grants");
    explanation
        .grants()
        .forEach(
            grant ->
                grants
                    .addObject()
                    .put("role", grant.role())
                    .put("grant", grant.grant())
                    .put("appliedAs", grant.appliedAs().orElse(null))
                    .put("coversRoute", grant.coversRoute())
                    .put("droppedBecause", grant.droppedBecause().orElse(null)));
    json.put("matchedResource", explanation.matchedResource().orElse(null));
    return json;
  }

  private static ObjectNode identity(Identity identity) {
    ObjectNode json = Json.MAPPER.createObjectNode();
    json.put("principalId", identity.principalId());
    strings(json.putArray("roles"), new TreeSet<>(identity.roles()));
    ObjectNode attributes = json.putObject("attributes");
    new TreeMap<>(identity.attributes()).forEach(attributes::put);
    json.put("expiresAt", identity.expiresAt().toString()).put("backend", identity.backend());
    identity.apiKey().ifPresent(key -> json.put("apiKey", TokenMask.replacement(key)));
    return json;
  }

  private static void strings(ArrayNode array, Iterable<String> values) {
    values.forEach(array::add);
  }

  private static byte[] bytes(JsonNode json) {
    try {
      return Json.MAPPER.writeValueAsBytes(json);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e); // unreachable: a tree of plain values always serialises
    }
  }
}
