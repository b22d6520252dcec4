package dev.portcullis.bootstrap.logging;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.portcullis.adapters.lambda.DecisionRecord;
import java.io.IOException;
import java.util.Objects;

/**
 * Writes one decision's metrics in CloudWatch's embedded metric format (EMF) into a JSON object
 * that is being written: the {@code _aws} metadata and the members it points at. {@link
 * DecisionLogger} writes them into each decision line, which is then the structured log and the
 * metrics at once.
 *
 * <p>The metrics, in namespace {@value #NAMESPACE}:
 *
 * <ul>
 *   <li>{@value #DECISIONS} (Count, 1 per decision) by {@value #SERVICE} and {@value #OUTCOME}: one
 *       of {@code allow}, {@code deny}, {@code unauthenticated}, {@code error}, {@code
 *       invalid_event}. Alarm on {@code Outcome=error}: Lambda's own {@code Errors} metric also
 *       counts every {@code Unauthorized}, which is a correct answer, not a fault.
 *   <li>{@value #LATENCY} (Microseconds) by {@value #SERVICE}: the time the adapter spent on the
 *       decision, backend calls included.
 *   <li>{@value #CACHE_HITS} and {@value #CACHE_MISSES} (Count) by {@value #SERVICE}: the
 *       in-function cache's hits and misses since the previous decision; absent when no backend is
 *       cached.
 * </ul>
 *
 * <p>Dimensions stay few and bounded: the function's name and the five outcomes, so eight custom
 * metrics per function. The principal, the token's fingerprint and the request id are never
 * dimensions: each value would be a new custom metric.
 *
 * <p><b>Why not AWS's client library.</b> {@code software.amazon.cloudwatchlogs:
 * aws-embedded-metrics} binds with jackson-databind, which the Lambda path does without, and brings
 * jackson-datatype-jsr310, jackson-annotations, slf4j-api, commons-lang3 and javatuples; it also
 * writes a line of its own with its own default dimensions, so it could not share the decision log
 * line. The fields are written with Jackson's streaming generator to the public specification
 * ({@code CloudWatch_Embedded_Metric_Format_Specification.html}); the tests validate every line
 * against it.
 */
public final class EmfMetrics {

  public static final String NAMESPACE = "Portcullis";
  public static final String SERVICE = "Service";
  public static final String OUTCOME = "Outcome";
  public static final String DECISIONS = "Decisions";
  public static final String LATENCY = "Latency";
  public static final String CACHE_HITS = "CacheHits";
  public static final String CACHE_MISSES = "CacheMisses";

  private final String service;
  private final CacheCounters caches;

  /**
   * @param service the value of the {@value #SERVICE} dimension: the function's name on Lambda
   * @param caches the in-function caches to report, possibly empty
   */
  public EmfMetrics(String service, CacheCounters caches) {
    this.service = Objects.requireNonNull(service, "service");
    this.caches = Objects.requireNonNull(caches, "caches");
  }

  /**
   * Writes {@code _aws} and the metric and dimension members as fields of the object {@code g} is
   * inside. None of their names clashes with the decision log's own fields.
   */
  public void writeFields(JsonGenerator g, DecisionRecord record, long epochMillis)
      throws IOException {
    boolean cached = !caches.isEmpty();
    g.writeObjectFieldStart("_aws");
    g.writeNumberField("Timestamp", epochMillis);
    g.writeArrayFieldStart("CloudWatchMetrics");
    startDirective(g, true);
    metric(g, DECISIONS, "Count");
    endDirective(g);
    startDirective(g, false);
    metric(g, LATENCY, "Microseconds");
    if (cached) {
      metric(g, CACHE_HITS, "Count");
      metric(g, CACHE_MISSES, "Count");
    }
    endDirective(g);
    g.writeEndArray();
    g.writeEndObject();

    g.writeStringField(SERVICE, service);
    g.writeStringField(OUTCOME, record.outcome().logName());
    g.writeNumberField(DECISIONS, 1);
    g.writeNumberField(LATENCY, Math.max(0, record.latencyMicros()));
    if (cached) {
      CacheCounters.Delta delta = caches.next();
      g.writeNumberField(CACHE_HITS, delta.hits());
      g.writeNumberField(CACHE_MISSES, delta.misses());
    }
  }

  /**
   * Opens a metric directive up to its {@code Metrics} array. The two directives differ only in
   * their dimension set: by service and outcome for decisions, by service alone for the rest.
   */
  private static void startDirective(JsonGenerator g, boolean byOutcome) throws IOException {
    g.writeStartObject();
    g.writeStringField("Namespace", NAMESPACE);
    g.writeArrayFieldStart("Dimensions");
    g.writeStartArray();
    g.writeString(SERVICE);
    if (byOutcome) {
      g.writeString(OUTCOME);
    }
    g.writeEndArray();
    g.writeEndArray();
    g.writeArrayFieldStart("Metrics");
  }

  private static void endDirective(JsonGenerator g) throws IOException {
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void metric(JsonGenerator g, String name, String unit) throws IOException {
    g.writeStartObject();
    g.writeStringField("Name", name);
    g.writeStringField("Unit", unit);
    g.writeEndObject();
  }
}
