package dev.portcullis.bootstrap.logging;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.portcullis.adapters.lambda.DecisionObserver;
import dev.portcullis.adapters.lambda.DecisionRecord;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Objects;

/**
 * Writes one CloudWatch embedded-metric-format line per decision to standard output, where Lambda
 * hands it to CloudWatch Logs and CloudWatch extracts the metrics: no SDK call, no network on the
 * request's path. The line carries the request id for correlation, never a principal or a token.
 * Use it beside {@link DecisionLogger}, or instead let the logger write {@link EmfMetrics} into its
 * own line (one line per decision instead of two).
 */
public final class MetricsEmitter implements DecisionObserver {

  private final PrintStream out;
  private final Clock clock;
  private final JsonFactory json;
  private final EmfMetrics metrics;

  public MetricsEmitter(PrintStream out, Clock clock, JsonFactory json, EmfMetrics metrics) {
    this.out = Objects.requireNonNull(out, "out");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.json = Objects.requireNonNull(json, "json");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
  }

  @Override
  public void onDecision(DecisionRecord record) {
    out.println(format(record));
  }

  /** The EMF line for one decision, without a line break. */
  public String format(DecisionRecord record) {
    StringWriter line = new StringWriter(384);
    try (JsonGenerator g = json.createGenerator(line)) {
      g.writeStartObject();
      metrics.writeFields(g, record, clock.millis());
      g.writeStringField("requestId", record.requestId());
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return line.toString();
  }
}
