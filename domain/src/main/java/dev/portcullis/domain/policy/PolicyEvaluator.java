package dev.portcullis.domain.policy;

import java.util.Optional;

/**
 * Evaluates a policy against an execute-api ARN as API Gateway does: an explicit Deny wins, then
 * any Allow, and with no match the call is denied.
 */
public final class PolicyEvaluator {

  private PolicyEvaluator() {}

  /**
   * True when a statement that applies to {@code arn} allows it and none denies it: the reference
   * that {@link PreparedPolicy}, which the authorizer's calls use, must answer alike. Loops rather
   * than streams, because the local gateway runs it on every request it forwards, where {@code
   * PolicyBenchmark.evaluateAllowed} and {@code evaluateDenied} measure the difference
   * (docs/performance.md, "Why the policy is evaluated with loops, and prepared once").
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

  /**
   * The resource that decides {@code arn}: the first one of an explicit Deny that matches it, else
   * the first one of an Allow, else none (the call is denied for want of a match). It agrees with
   * {@link #allows}: the call is allowed exactly when this is an Allow's resource.
   */
  public static Optional<Match> decidingResource(PolicyDocument policy, String arn) {
    Optional<Match> allow = Optional.empty();
    for (Statement statement : policy.statements()) {
      Optional<String> resource = matchingResource(statement, arn);
      if (resource.isPresent() && statement.effect() == Effect.Deny) {
        return Optional.of(new Match(Effect.Deny, resource.get()));
      }
      if (resource.isPresent() && allow.isEmpty()) {
        allow = Optional.of(new Match(Effect.Allow, resource.get()));
      }
    }
    return allow;
  }

  /** A resource of a policy that matched an ARN, and the effect of its statement. */
  public record Match(Effect effect, String resource) {}

  private static Optional<String> matchingResource(Statement statement, String arn) {
    if (!appliesTo(statement, arn)) {
      return Optional.empty();
    }
    return statement.resources().stream()
        .filter(resource -> Wildcard.matches(resource, arn))
        .findFirst();
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
