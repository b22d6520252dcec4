package dev.portcullis.domain.policy;

/**
 * Evaluates a policy against an execute-api ARN as API Gateway does: an explicit Deny wins, then
 * any Allow, and with no match the call is denied.
 */
public final class PolicyEvaluator {

  private PolicyEvaluator() {}

  /**
   * True when a statement that applies to {@code arn} allows it and none denies it. Loops rather
   * than streams, because this runs on every call, where {@code PolicyBenchmark.evaluateAllowed}
   * and {@code evaluateDenied} measure the difference (docs/performance.md, "Why the policy is
   * evaluated with loops").
   */
  public static boolean allows(PolicyDocument policy, String arn) {
    boolean allowed = false;
    for (Statement statement : policy.statements()) {
      if (appliesTo(statement, arn)) {
        if (statement.effect() == Effect.Deny) {
          return false;
        }
        allowed = true;
      }
    }
    return allowed;
  }

  private static boolean appliesTo(Statement statement, String arn) {
    boolean invokes = false;
    for (String action : statement.actions()) {
      if (Wildcard.matchesIgnoreCase(action, Statement.INVOKE)) {
        invokes = true;
        break;
      }
    }
    if (!invokes) {
      return false;
    }
    for (String resource : statement.resources()) {
      if (Wildcard.matches(resource, arn)) {
        return true;
      }
    }
    return false;
  }
}
