package dev.portcullis.domain.policy;

import java.util.Arrays;
import java.util.List;

/**
 * A policy made ready to be evaluated on every call: each statement's actions tested once, and each
 * resource split once into the literal pieces between its stars. It answers exactly as {@link
 * PolicyEvaluator#allows} does; it exists because a cached policy is evaluated on every call, where
 * {@code PolicyBenchmark} shows the pieces' {@code indexOf} beating the character-by-character
 * match (docs/performance.md, "Why the policy is evaluated with loops, and prepared once").
 */
public record PreparedPolicy(List<PreparedStatement> statements) {

  public PreparedPolicy {
    statements = List.copyOf(statements);
  }

  /** The policy, prepared. */
  public static PreparedPolicy of(PolicyDocument policy) {
    return new PreparedPolicy(policy.statements().stream().map(PreparedStatement::of).toList());
  }

  /** True when a statement that applies to {@code arn} allows it and none denies it. */
  public boolean allows(String arn) {
    boolean allowed = false;
    for (PreparedStatement statement : statements) {
      if (statement.appliesTo(arn)) {
        if (statement.effect() == Effect.Deny) {
          return false;
        }
        allowed = true;
      }
    }
    return allowed;
  }

  /** One statement: its effect, whether it invokes at all, and its resources. */
  public record PreparedStatement(Effect effect, boolean invokes, List<Pattern> resources) {

    public PreparedStatement {
      resources = List.copyOf(resources);
    }

    static PreparedStatement of(Statement statement) {
      boolean invokes =
          statement.actions().stream()
              .anyMatch(action -> Wildcard.matchesIgnoreCase(action, Statement.INVOKE));
      return new PreparedStatement(
          statement.effect(), invokes, statement.resources().stream().map(Pattern::of).toList());
    }

    boolean appliesTo(String arn) {
      if (!invokes) {
        return false;
      }
      for (Pattern resource : resources) {
        if (resource.matches(arn)) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * One resource. Without {@code ?}, a text matches when it starts with the first piece, ends with
   * the last, and holds the pieces between in order, each found leftmost: a star matches any run,
   * so the leftmost place of a piece never rules out a match that a later place allows.
   *
   * @param pieces the literal runs between the stars, empty when the resource holds a {@code ?}
   */
  public record Pattern(String resource, List<String> pieces) {

    public Pattern {
      pieces = List.copyOf(pieces);
    }

    static Pattern of(String resource) {
      return resource.indexOf('?') >= 0
          ? new Pattern(resource, List.of())
          : new Pattern(resource, Arrays.asList(resource.split("\\*", -1)));
    }

    boolean matches(String text) {
      if (pieces.isEmpty()) {
        return Wildcard.matches(resource, text);
      }
      int last = pieces.size() - 1;
      if (last == 0) {
        return text.equals(resource);
      }
      String first = pieces.get(0);
      String end = pieces.get(last);
      if (!text.startsWith(first) || !text.endsWith(end)) {
        return false;
      }
      int from = first.length();
      int until = text.length() - end.length();
      for (int i = 1; i < last; i++) {
        String piece = pieces.get(i);
        int at = text.indexOf(piece, from);
        if (at < 0) {
          return false;
        }
        from = at + piece.length();
      }
      // The pieces found must end before the last piece begins, or they overlap it.
      return from <= until;
    }
  }
}
