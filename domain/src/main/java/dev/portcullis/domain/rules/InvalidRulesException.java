package dev.portcullis.domain.rules;

import java.util.List;

/** Access rules that cannot be used; the message lists every problem, one per line. */
public final class InvalidRulesException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  public InvalidRulesException(List<String> problems) {
    super("invalid access rules:\n  - " + String.join("\n  - ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
