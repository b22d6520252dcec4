package dev.portcullis.adapters.lambda;

/**
 * Receives one {@link DecisionRecord} per handled event, whatever its outcome: the hook for logs
 * and metrics. It never receives a token.
 */
@FunctionalInterface
public interface DecisionObserver {

  /** An observer that ignores every record. */
  DecisionObserver NONE = record -> {};

  /** Called exactly once per {@link AuthorizerAdapter#handle} call; must not throw. */
  void onDecision(DecisionRecord record);
}
