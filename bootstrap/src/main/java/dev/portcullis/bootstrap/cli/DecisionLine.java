package dev.portcullis.bootstrap.cli;

import dev.portcullis.adapters.lambda.DecisionObserver;
import dev.portcullis.adapters.lambda.DecisionRecord;
import java.io.PrintStream;

/**
 * The short human form of a decision that {@code invoke} prints by default: outcome, principal,
 * backend and reason on one line. Like the JSON line, it never holds a token.
 */
final class DecisionLine implements DecisionObserver {

  private final PrintStream out;

  DecisionLine(PrintStream out) {
    this.out = out;
  }

  @Override
  public void onDecision(DecisionRecord record) {
    out.println(format(record));
  }

  static String format(DecisionRecord record) {
    StringBuilder line = new StringBuilder("decision: ").append(record.outcome().logName());
    record.principalId().ifPresent(p -> line.append(", principal ").append(printable(p)));
    record.backend().ifPresent(b -> line.append(", backend ").append(b));
    return line.append(", reason ").append(printable(record.reason())).toString();
  }

  /** Control characters, which a principal may hold, would rewrite the terminal: replaced. */
  private static String printable(String text) {
    return text.codePoints()
        .map(c -> Character.isISOControl(c) ? '?' : c)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
        .toString();
  }
}
