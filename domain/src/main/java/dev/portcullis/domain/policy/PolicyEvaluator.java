package dev.portcullis.domain.policy;

/**
 * Evaluates a policy against an execute-api ARN as API Gateway does: an explicit Deny wins, then
 * any Allow, and with no match the call is denied.
 */
public final class PolicyEvaluator {

  private PolicyEvaluator() {}

  /** True when the policy allows invoking {@code arn}. */
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
    boolean invokes =
        statement.actions().stream()
            .anyMatch(action -> Wildcard.matchesIgnoreCase(action, Statement.INVOKE));
    return invokes && statement.resources().stream().anyMatch(r -> Wildcard.matches(r, arn));
  }
}
