package dev.portcullis.domain.policy;

import java.util.List;
import java.util.Objects;

/**
 * The policy one identity gets on an API and stage, prepared for evaluation on every call, and why
 * any grant of its roles was left out of it (a value missing or not a plain path segment), for the
 * decision log.
 */
public record IdentityPolicy(
    PolicyDocument policy, PreparedPolicy prepared, List<String> droppedGrants) {

  public IdentityPolicy {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(prepared, "prepared");
    droppedGrants = List.copyOf(droppedGrants);
  }

  /** The policy, prepared once here so that each call only evaluates it. */
  public IdentityPolicy(PolicyDocument policy, List<String> droppedGrants) {
    this(policy, PreparedPolicy.of(policy), droppedGrants);
  }

  /** True when the policy allows the call to {@code arn}. */
  public boolean allows(String arn) {
    return prepared.allows(arn);
  }
}
