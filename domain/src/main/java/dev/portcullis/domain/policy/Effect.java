package dev.portcullis.domain.policy;

/** The effect of a policy statement. */
public enum Effect {
  Allow,
  Deny
}
