package dev.portcullis.domain.policy;

import java.util.List;
import java.util.Objects;

/**
 * The policy one identity gets on an API and stage, and why any grant of its roles was left out of
 * it (a value missing or not a plain path segment), for the decision log.
 */
public record IdentityPolicy(PolicyDocument policy, List<String> droppedGrants) {

  public IdentityPolicy {
    Objects.requireNonNull(policy, "policy");
    droppedGrants = List.copyOf(droppedGrants);
  }
}
