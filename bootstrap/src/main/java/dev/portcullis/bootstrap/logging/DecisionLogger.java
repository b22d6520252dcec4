package dev.portcullis.bootstrap.logging;

import dev.portcullis.adapters.lambda.DecisionObserver;
import dev.portcullis.adapters.lambda.DecisionRecord;
import dev.portcullis.json.JsonWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Writes one JSON line per decision, with fields that CloudWatch Logs Insights discovers by itself:
 * request id, event kind, outcome, reason, principal, fingerprint prefix, backend and latency. It
 * never receives a token, so it can never write one.
 */
public final class DecisionLogger implements DecisionObserver {

  private final PrintStream out;
  private final Clock clock;
  private final EmfMetrics metrics;

  /** A logger whose lines carry no metrics. */
  public DecisionLogger(PrintStream out, Clock clock) {
    this(out, clock, null);
  }

  /**
   * A logger whose every line is also an embedded-metric-format document: one line per decision
   * carries both the log fields and the metrics, which halves the log volume Lambda pays for.
   *
   * @param metrics the metric fields to add, or {@code null} for none
   */
  public DecisionLogger(PrintStream out, Clock clock, EmfMetrics metrics) {
    this.out = out;
    this.clock = clock;
    this.metrics = metrics;
  }

  @Override
  public void onDecision(DecisionRecord record) {
    try {
      // The line and its line feed in one call, without a detour through a String.
      line(record).writeLineTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // unreachable: a PrintStream records failures instead
    }
  }

  /** The log line for one decision, without a line break. */
  public String format(DecisionRecord record) {
    return line(record).toString();
  }

  private JsonWriter line(DecisionRecord record) {
    JsonWriter g = new JsonWriter(768);
    g.writeStartObject();
    Instant now = clock.instant();
    g.writeStringField("timestamp", IsoInstantWriter.format(now));
    g.writeStringField("level", record.outcome().equals("error") ? "ERROR" : "INFO");
    g.writeStringField("message", "decision");
    g.writeStringField("requestId", record.requestId());
    g.writeStringField("kind", record.kind() == null ? "unknown" : record.kind().logName());
    g.writeStringField("outcome", record.outcome());
    g.writeStringField("reason", record.reason());
    optional(g, "principalId", record.principalId());
    optional(g, "tokenFp", record.fingerprintPrefix());
    optional(g, "backend", record.backend());
    g.writeNumberField("latencyUs", record.latencyMicros());
    if (metrics != null) {
      metrics.writeFields(g, record, now.toEpochMilli());
    }
    g.writeEndObject();
    return g;
  }

  private static void optional(JsonWriter g, String field, Optional<String> value) {
    if (value.isPresent()) {
      g.writeStringField(field, value.get());
    }
  }
}
