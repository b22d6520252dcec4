package dev.portcullis.domain.testing;

import dev.portcullis.domain.policy.Effect;
import dev.portcullis.domain.policy.PolicyDocument;

/** Questions tests ask of a policy document. */
public final class Policies {

  private Policies() {}

  /** True when some statement allows something; false for a deny-only policy. */
  public static boolean allowsAnything(PolicyDocument policy) {
    return policy.statements().stream().anyMatch(statement -> statement.effect() == Effect.Allow);
  }
}
