package dev.portcullis.domain.policy;

import java.util.List;
import java.util.Objects;

/** One IAM policy statement: an effect, its actions and the resources it applies to. */
public record Statement(Effect effect, List<String> actions, List<String> resources) {

  /** The only action an authorizer policy grants. */
  public static final String INVOKE = "execute-api:Invoke";

  public Statement {
    Objects.requireNonNull(effect, "effect");
    actions = List.copyOf(actions);
    resources = List.copyOf(resources);
    if (actions.isEmpty()) {
      throw new IllegalArgumentException("actions must not be empty");
    }
    if (resources.isEmpty()) {
      throw new IllegalArgumentException("resources must not be empty");
    }
  }

  /** A statement on {@code execute-api:Invoke}. */
  public static Statement invoke(Effect effect, List<String> resources) {
    return new Statement(effect, List.of(INVOKE), resources);
  }
}
