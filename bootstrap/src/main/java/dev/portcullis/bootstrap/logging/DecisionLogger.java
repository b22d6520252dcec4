package dev.portcullis.bootstrap.logging;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.portcullis.adapters.lambda.DecisionObserver;
import dev.portcullis.adapters.lambda.DecisionRecord;
import dev.portcullis.adapters.lambda.Outcome;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Writes one JSON line per decision, with fields that CloudWatch Logs Insights discovers by itself:
 * request id, event kind, outcome, reason, principal, fingerprint prefix, backend, the cause of a
 * failure, the grants dropped for the identity, and latency. It never receives a token, so it can
 * never write one.
 */
public final class DecisionLogger implements DecisionObserver {

  /** Built once; a factory is thread-safe and its generators reuse its buffers. */
  private static final JsonFactory JSON = new JsonFactory();

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
      ByteArrayOutputStream line = line(record);
      line.write('\n');
      // The line and its line feed in one write: lines of concurrent decisions never interleave.
      line.writeTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // unreachable: a PrintStream records failures instead
    }
  }

  /** The log line for one decision, without a line break. */
  public String format(DecisionRecord record) {
    try {
      return line(record).toString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // unreachable: the line is written to memory
    }
  }

  private ByteArrayOutputStream line(DecisionRecord record) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(768);
    try (JsonGenerator g = JSON.createGenerator(line)) {
      g.writeStartObject();
      Instant now = clock.instant();
      g.writeStringField("timestamp", DateTimeFormatter.ISO_INSTANT.format(now));
      g.writeStringField("level", record.outcome() == Outcome.ERROR ? "ERROR" : "INFO");
      g.writeStringField("message", "decision");
      g.writeStringField("requestId", record.requestId());
      g.writeStringField("kind", record.kind() == null ? "unknown" : record.kind().logName());
      g.writeStringField("outcome", record.outcome().logName());
      g.writeStringField("reason", record.reason());
      optional(g, "principalId", record.principalId());
      optional(g, "tokenFp", record.fingerprintPrefix());
      optional(g, "backend", record.backend());
      optional(g, "cause", record.cause());
      if (!record.droppedGrants().isEmpty()) {
        g.writeArrayFieldStart("droppedGrants");
        for (String dropped : record.droppedGrants()) {
          g.writeString(dropped);
        }
        g.writeEndArray();
      }
      g.writeNumberField("latencyUs", record.latencyMicros());
      if (metrics != null) {
        metrics.writeFields(g, record, now.toEpochMilli());
      }
      g.writeEndObject();
    }
    return line;
  }

  private static void optional(JsonGenerator g, String field, Optional<String> value)
      throws IOException {
    if (value.isPresent()) {
      g.writeStringField(field, value.get());
    }
  }
}
