package dev.portcullis.bootstrap;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.portcullis.adapters.lambda.AuthorizerFailureException;
import dev.portcullis.adapters.lambda.UnauthorizedException;
import dev.portcullis.domain.answer.AnswerLimits;
import dev.portcullis.domain.model.RouteTarget;
import dev.portcullis.domain.policy.PolicyBuilder;
import dev.portcullis.domain.policy.PolicyDocument;
import dev.portcullis.domain.policy.PolicyEvaluator;
import dev.portcullis.domain.policy.Statement;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * What must hold for every input, however hostile: the handler fails only in the two documented
 * ways; an answer is valid JSON of the documented shape within API Gateway's 8 KB, comes only from
 * a credential valid in the seed, and allows exactly what that identity's roles grant; no seed
 * token, nor any 12-character slice of one, is printed or answered; and no call hangs. A broken
 * invariant is an {@link AssertionError} that names it without quoting any token.
 */
final class FuzzInvariants {

  /** A call that takes longer than this is a finding: a hang, or work that grows with the input. */
  static final long MAX_CALL_MILLIS = 2_000;

  static final int SLICE = 12;

  private static final ObjectMapper STRICT =
      JsonMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

  private static final Set<String> IAM_FIELDS =
      Set.of("principalId", "policyDocument", "context", "usageIdentifierKey");

  private FuzzInvariants() {}

  /** Checks every invariant for one event and the call it made. */
  static void check(FuzzWorld world, byte[] event, FuzzWorld.Call call) {
    long millis = TimeUnit.NANOSECONDS.toMillis(call.nanos());
    if (millis > MAX_CALL_MILLIS) {
      throw new AssertionError("one call took " + millis + " ms, over " + MAX_CALL_MILLIS);
    }
    Optional<JsonNode> parsed = strictly(event);
    noSecretPrinted(call, parsed);
    if (call.thrown() != null) {
      failedAsDocumented(call);
      return;
    }
    answeredAsDocumented(world, call, parsed);
  }

  /** Only Unauthorized (401) or the documented failure (500), and then nothing written. */
  private static void failedAsDocumented(FuzzWorld.Call call) {
    Throwable thrown = call.thrown();
    if (thrown instanceof UnauthorizedException) {
      if (!UnauthorizedException.MESSAGE.equals(thrown.getMessage())) {
        throw new AssertionError("Unauthorized was thrown with another message");
      }
    } else if (!(thrown instanceof AuthorizerFailureException)) {
      AssertionError error =
          new AssertionError("the handler threw " + thrown.getClass().getName() + ", undocumented");
      error.setStackTrace(thrown.getStackTrace());
      throw error;
    }
    if (call.answer().length != 0) {
      throw new AssertionError("the handler failed after writing " + call.answer().length + " B");
    }
  }

  private static void answeredAsDocumented(
      FuzzWorld world, FuzzWorld.Call call, Optional<JsonNode> event) {
    if (call.answer().length > AnswerLimits.MAX_ANSWER_BYTES) {
      throw new AssertionError("an answer of " + call.answer().length + " B, over 8192");
    }
    JsonNode answer;
    try {
      answer = STRICT.readTree(call.answer());
    } catch (IOException e) {
      throw new AssertionError("the answer is not valid JSON");
    }
    if (event.isEmpty()) {
      throw new AssertionError("an event that is not strict JSON was answered");
    }
    boolean simple = answer.has("isAuthorized");
    String principal =
        simple ? text(answer.path("context").path("principalId")) : text(answer.get("principalId"));
    FuzzWorld.Seeded identity = validSeedFor(principal, event.get());
    List<RouteTarget> targets = targetsOf(event.get());
    if (simple) {
      simpleShape(answer);
      boolean allowed = answer.get("isAuthorized").asBoolean();
      if (targets.stream().noneMatch(t -> allowed == allows(world, identity, t))) {
        throw new AssertionError("isAuthorized differs from what the identity's roles grant");
      }
      return;
    }
    iamShape(answer);
    List<Statement> answered = statements(answer);
    if (targets.stream()
        .noneMatch(t -> answered.equals(expected(world, identity, t).statements()))) {
      throw new AssertionError(
          "the policy differs from the one the identity's roles grant on this API and stage");
    }
  }

  private static PolicyDocument expected(
      FuzzWorld world, FuzzWorld.Seeded identity, RouteTarget target) {
    return PolicyBuilder.build(world.rules().grantsFor(identity.roles()), target);
  }

  private static boolean allows(FuzzWorld world, FuzzWorld.Seeded identity, RouteTarget target) {
    return PolicyEvaluator.allows(expected(world, identity, target), target.arn());
  }

  /** The seed session of the answer's principal: valid, and its token present in the event. */
  private static FuzzWorld.Seeded validSeedFor(String principal, JsonNode event) {
    for (FuzzWorld.Seeded seeded : FuzzWorld.SEEDED) {
      if (seeded.principalId().equals(principal)) {
        if (!seeded.valid()) {
          throw new AssertionError("an answer for the expired principal " + principal);
        }
        if (!anyText(event, seeded.token())) {
          throw new AssertionError(
              "an answer for " + principal + " without its token in the event");
        }
        return seeded;
      }
    }
    throw new AssertionError("an answer for a principal the seed does not hold");
  }

  /**
   * The targets the event names, from its {@code routeArn} and its {@code methodArn}: which one an
   * event kind reads is the adapter's business, so the answer must fit one that parses.
   */
  private static List<RouteTarget> targetsOf(JsonNode event) {
    List<RouteTarget> targets = new ArrayList<>();
    for (String field : List.of("routeArn", "methodArn")) {
      String arn = text(event.get(field));
      if (arn != null) {
        try {
          targets.add(RouteTarget.parse(arn));
        } catch (RuntimeException e) {
          // not a target the answer can be about
        }
      }
    }
    if (targets.isEmpty()) {
      throw new AssertionError("an answer for an event whose ARN does not parse");
    }
    return targets;
  }

  private static void iamShape(JsonNode answer) {
    for (Iterator<String> names = answer.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!IAM_FIELDS.contains(name)) {
        throw new AssertionError("an IAM answer with the undocumented field " + name);
      }
    }
    if (!answer.path("principalId").isTextual()
        || !"2012-10-17".equals(text(answer.path("policyDocument").get("Version")))
        || !answer.path("policyDocument").path("Statement").isArray()
        || !answer.path("context").isObject()
        || (answer.has("usageIdentifierKey") && !answer.get("usageIdentifierKey").isTextual())) {
      throw new AssertionError("an IAM answer of the wrong shape");
    }
    scalarContext(answer.get("context"));
  }

  private static void simpleShape(JsonNode answer) {
    if (answer.size() != 2
        || !answer.get("isAuthorized").isBoolean()
        || !answer.path("context").isObject()) {
      throw new AssertionError("a simple answer of the wrong shape");
    }
    scalarContext(answer.get("context"));
  }

  private static void scalarContext(JsonNode context) {
    for (JsonNode value : context) {
      if (!value.isValueNode() || value.isNull()) {
        throw new AssertionError("a context value that is not a string, number or boolean");
      }
    }
  }

  private static List<Statement> statements(JsonNode answer) {
    List<Statement> statements = new ArrayList<>();
    for (JsonNode statement : answer.path("policyDocument").path("Statement")) {
      if (!Statement.INVOKE.equals(text(statement.get("Action")))) {
        throw new AssertionError("a statement whose action is not execute-api:Invoke");
      }
      List<String> resources = new ArrayList<>();
      statement.path("Resource").forEach(r -> resources.add(text(r)));
      statements.add(
          Statement.invoke(
              dev.portcullis.domain.policy.Effect.valueOf(text(statement.get("Effect"))),
              resources));
    }
    return statements;
  }

  /**
   * No seed token, nor any 12-character slice of one, in the log, on standard error, in what was
   * thrown, or in the answer; in the answer, a slice that the event's own ARN holds is the fuzzer's
   * bytes echoed back in a policy resource, not a leak.
   */
  private static void noSecretPrinted(FuzzWorld.Call call, Optional<JsonNode> event) {
    String arns =
        event.map(e -> text(e.get("methodArn")) + " " + text(e.get("routeArn"))).orElse("");
    String thrown = describe(call.thrown());
    for (int t = 0; t < FuzzWorld.SEEDED.size(); t++) {
      String token = FuzzWorld.SEEDED.get(t).token();
      for (int i = 0; i + SLICE <= token.length(); i++) {
        String slice = token.substring(i, i + SLICE);
        if (call.log().contains(slice)
            || call.stderr().contains(slice)
            || thrown.contains(slice)
            || (call.answerText().contains(slice) && !arns.contains(slice))) {
          throw new AssertionError("a 12-character slice of seed token " + t + " was printed");
        }
      }
    }
  }

  private static String describe(Throwable thrown) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      text.append(t).append('\n');
      for (Throwable suppressed : t.getSuppressed()) {
        text.append(suppressed).append('\n');
      }
    }
    return text.toString();
  }

  private static Optional<JsonNode> strictly(byte[] event) {
    try {
      return Optional.ofNullable(STRICT.readTree(event));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static boolean anyText(JsonNode node, String token) {
    if (node.isTextual()) {
      return node.asText().contains(token);
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      if (names.next().contains(token)) {
        return true;
      }
    }
    for (JsonNode child : node) {
      if (anyText(child, token)) {
        return true;
      }
    }
    return false;
  }

  private static String text(JsonNode node) {
    return node == null || !node.isTextual() ? null : node.asText();
  }
}
