package dev.portcullis.bootstrap.logging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.adapters.lambda.DecisionRecord;
import dev.portcullis.adapters.lambda.EventKind;
import dev.portcullis.adapters.lambda.Outcome;
import dev.portcullis.domain.model.Credential;
import dev.portcullis.domain.model.Resolution;
import dev.portcullis.domain.port.out.IdentityResolver;
import dev.portcullis.domain.service.CachingIdentityResolver;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The metrics lines are valid embedded metric format, with bounded dimensions and no secrets. */
class DecisionMetricsTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);

  private final CacheCounters caches = new CacheCounters();
  private final DecisionLogger emitter =
      new DecisionLogger(System.out, CLOCK, new EmfMetrics("portcullis-fn", caches));

  @ParameterizedTest
  @ValueSource(strings = {"allow", "deny", "unauthenticated", "error", "invalid_event"})
  void every_outcome_gives_a_valid_emf_line_counted_under_its_outcome(String outcome) {
    String line = emitter.format(record(outcome, 1234));

    assertThat(EmfValidator.problems(line)).isEmpty();
    assertThat(EmfValidator.members(line))
        .containsEntry("Service", "portcullis-fn")
        .containsEntry("Outcome", outcome)
        .containsEntry("Decisions", 1)
        .containsEntry("Latency", 1234)
        .containsEntry("requestId", "req-1");
  }

  @Test
  void the_line_declares_decisions_by_outcome_and_latency_in_microseconds() {
    String line = emitter.format(record("allow", 87));

    assertThat(line.substring(line.indexOf("\"_aws\":")))
        .startsWith(
            "\"_aws\":{\"Timestamp\":1893456000000,\"CloudWatchMetrics\":["
                + "{\"Namespace\":\"Portcullis\",\"Dimensions\":[[\"Service\",\"Outcome\"]],"
                + "\"Metrics\":[{\"Name\":\"Decisions\",\"Unit\":\"Count\"}]},"
                + "{\"Namespace\":\"Portcullis\",\"Dimensions\":[[\"Service\"]],"
                + "\"Metrics\":[{\"Name\":\"Latency\",\"Unit\":\"Microseconds\"}]}]}");
  }

  @Test
  void the_outcome_dimension_takes_the_five_outcomes_only_so_it_stays_bounded() {
    Set<Object> written =
        Arrays.stream(Outcome.values())
            .map(outcome -> EmfValidator.members(emitter.format(record(outcome, 1))))
            .map(members -> members.get("Outcome"))
            .collect(Collectors.toSet());

    assertThat(written)
        .containsExactlyInAnyOrder("allow", "deny", "unauthenticated", "error", "invalid_event");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2030-01-01T00:00:00Z",
        "2030-01-01T00:00:00.120Z",
        "2030-01-01T00:00:00.000001Z",
        "1969-12-31T23:59:59.999999999Z",
        "+10000-01-01T00:00:00Z"
      })
  void the_timestamp_is_the_clocks_instant_in_iso_8601_with_the_fraction_it_holds(String now) {
    DecisionLogger logger =
        new DecisionLogger(System.out, Clock.fixed(Instant.parse(now), ZoneOffset.UTC));

    Map<String, Object> line = EmfValidator.members(logger.format(record("allow", 1)));

    assertThat(line).containsEntry("timestamp", now);
  }

  @Test
  void neither_the_principal_nor_the_fingerprint_is_a_dimension_or_a_metric() {
    String line = emitter.format(record("allow", 1));
    String metadata = line.substring(line.indexOf("\"_aws\":"), line.indexOf("]}]}") + 4);

    assertThat(metadata)
        .doesNotContain("principalId")
        .doesNotContain("tokenFp")
        .doesNotContain("alice")
        .doesNotContain("ab12cd34");
  }

  @Test
  void one_line_per_decision_goes_to_the_stream() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DecisionLogger toStream =
        new DecisionLogger(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            CLOCK,
            new EmfMetrics("fn", caches));

    toStream.onDecision(record("allow", 1));
    toStream.onDecision(record("error", 2));

    List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).hasSize(2).allSatisfy(l -> assertThat(EmfValidator.problems(l)).isEmpty());
  }

  /** Cache hits and misses, as deltas since the previous decision. */
  @Nested
  class CacheMetrics {

    private final CachingIdentityResolver cache =
        new CachingIdentityResolver(
            new NotFoundBackend(), CLOCK, Duration.ofSeconds(30), Duration.ofSeconds(5), 100);

    @Test
    void without_a_cached_backend_no_cache_metrics_are_declared() {
      String line = emitter.format(record("allow", 1));

      assertThat(EmfValidator.members(line)).doesNotContainKeys("CacheHits", "CacheMisses");
      assertThat(line).doesNotContain("CacheHits");
    }

    @Test
    void each_line_counts_the_hits_and_misses_since_the_previous_one() {
      caches.watch(List.of(cache));

      cache.resolve(token("pcs_a"));
      String first = emitter.format(record("unauthenticated", 1));
      cache.resolve(token("pcs_a"));
      cache.resolve(token("pcs_a"));
      String second = emitter.format(record("unauthenticated", 1));
      String third = emitter.format(record("unauthenticated", 1));

      assertThat(List.of(first, second, third))
          .allSatisfy(l -> assertThat(EmfValidator.problems(l)).isEmpty());
      assertThat(EmfValidator.members(first))
          .containsEntry("CacheHits", 0)
          .containsEntry("CacheMisses", 1);
      assertThat(EmfValidator.members(second))
          .containsEntry("CacheHits", 2)
          .containsEntry("CacheMisses", 0);
      assertThat(EmfValidator.members(third))
          .containsEntry("CacheHits", 0)
          .containsEntry("CacheMisses", 0);
    }

    @Test
    void counts_from_before_the_watch_are_not_reported() {
      cache.resolve(token("pcs_b"));
      caches.watch(List.of(cache, new NotFoundBackend()));

      CacheCounters.Delta delta = caches.next();

      assertThat(delta).isEqualTo(new CacheCounters.Delta(0, 0));
    }

    @Test
    void every_cache_of_the_chain_is_summed() {
      CachingIdentityResolver other =
          new CachingIdentityResolver(
              new NotFoundBackend(), CLOCK, Duration.ofSeconds(30), Duration.ofSeconds(5), 100);
      caches.watch(List.of(cache, other));

      cache.resolve(token("pcs_c"));
      other.resolve(token("pcs_c"));
      other.resolve(token("pcs_c"));

      assertThat(caches.next()).isEqualTo(new CacheCounters.Delta(1, 2));
    }
  }

  @Test
  void a_failure_line_names_its_cause_and_other_lines_carry_none() {
    Map<String, Object> error = EmfValidator.members(emitter.format(record("error", 7)));
    Map<String, Object> allow = EmfValidator.members(emitter.format(record("allow", 7)));

    assertThat(error)
        .containsEntry("cause", "Throttled: GetItem on table t in r")
        .containsEntry("reason", "resolved");
    assertThat(allow).doesNotContainKey("cause");
  }

  /** The EMF fields written into the decision log line: one line that is log and metrics. */
  @Nested
  class MergedIntoTheDecisionLog {

    @Test
    void the_line_with_metrics_keeps_every_field_of_the_plain_log_line() {
      DecisionRecord record = record("deny", 420);
      Map<String, Object> plain =
          EmfValidator.members(new DecisionLogger(System.out, CLOCK).format(record));

      Map<String, Object> merged = EmfValidator.members(emitter.format(record));

      assertThat(merged).containsAllEntriesOf(plain).containsKey("_aws");
      assertThat(EmfValidator.problems(emitter.format(record))).isEmpty();
    }

    @Test
    void a_plain_log_line_carries_no_metrics() {
      Map<String, Object> plain =
          EmfValidator.members(new DecisionLogger(System.out, CLOCK).format(record("allow", 5)));

      assertThat(plain).doesNotContainKeys("_aws", "Decisions", "Latency");
    }
  }

  /** The validator itself bites: each broken line is reported. */
  @Nested
  class Validator {

    private static final String VALID =
        "{\"_aws\":{\"Timestamp\":1893456000000,\"CloudWatchMetrics\":[{\"Namespace\":\"N\","
            + "\"Dimensions\":[[\"D\"]],\"Metrics\":[{\"Name\":\"M\",\"Unit\":\"Count\"}]}]},"
            + "\"D\":\"d\",\"M\":1}";

    @Test
    void accepts_the_specifications_shape() {
      assertThat(EmfValidator.problems(VALID)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "{\"D\":\"d\",\"M\":1}",
          "[1]",
          "{\"_aws\":{\"Timestamp\":\"1893456000000\",\"CloudWatchMetrics\":[]}}",
          "{\"_aws\":{\"Timestamp\":1893456000,\"CloudWatchMetrics\":[]}}",
          "{\"_aws\":{\"Timestamp\":1893456000000}}",
          "{\"_aws\":{\"Timestamp\":1893456000000,\"CloudWatchMetrics\":[{\"Namespace\":\"N\","
              + "\"Dimensions\":[[\"D\"]],\"Metrics\":[{\"Name\":\"M\"}]}]},\"M\":1}",
          "{\"_aws\":{\"Timestamp\":1893456000000,\"CloudWatchMetrics\":[{\"Namespace\":\"N\","
              + "\"Dimensions\":[[\"D\"]],\"Metrics\":[{\"Name\":\"M\"}]}]},\"D\":1,\"M\":1}",
          "{\"_aws\":{\"Timestamp\":1893456000000,\"CloudWatchMetrics\":[{\"Namespace\":\"N\","
              + "\"Dimensions\":[[\"D\"]],\"Metrics\":[{\"Name\":\"M\"}]}]},\"D\":\"d\",\"M\":\"1\"}",
          "{\"_aws\":{\"Timestamp\":1893456000000,\"CloudWatchMetrics\":[{\"Namespace\":\"N\","
              + "\"Dimensions\":[[\"D\"]],\"Metrics\":[{\"Name\":\"M\",\"Unit\":\"Micros\"}]}]},"
              + "\"D\":\"d\",\"M\":1}",
          "{\"_aws\":{\"Timestamp\":1893456000000,\"CloudWatchMetrics\":[{\"Namespace\":\" \","
              + "\"Dimensions\":[],\"Metrics\":[]}]}}",
          "{\"_aws\":{\"Timestamp\":1893456000000,\"CloudWatchMetrics\":[{\"Namespace\":\"N\","
              + "\"Dimensions\":[[\"D\"]],\"Metrics\":[{\"Name\":\"M\"}]}]},\"D\":\"d\","
              + "\"M\":{\"v\":1}}",
          "{\"_aws\":{\"Timestamp\":1893456000000,\"CloudWatchMetrics\":[]},\"a\":1,\"a\":2}",
        })
    void reports_a_line_that_breaks_a_rule(String line) {
      assertThat(EmfValidator.problems(line)).isNotEmpty();
    }

    @Test
    void reports_data_after_the_object() {
      assertThat(EmfValidator.problems(VALID + " trailing")).isNotEmpty();
    }

    @Test
    void reports_more_than_30_dimensions_and_more_than_100_metrics() {
      StringBuilder dims = new StringBuilder();
      StringBuilder members = new StringBuilder();
      for (int i = 0; i < 31; i++) {
        dims.append(i == 0 ? "" : ",").append("\"d").append(i).append('"');
        members.append(",\"d").append(i).append("\":\"x\"");
      }
      StringBuilder metrics = new StringBuilder();
      for (int i = 0; i < 101; i++) {
        metrics.append(i == 0 ? "" : ",").append("{\"Name\":\"m").append(i).append("\"}");
        members.append(",\"m").append(i).append("\":1");
      }
      String line =
          "{\"_aws\":{\"Timestamp\":1893456000000,\"CloudWatchMetrics\":[{\"Namespace\":\"N\","
              + "\"Dimensions\":[["
              + dims
              + "]],\"Metrics\":["
              + metrics
              + "]}]}"
              + members
              + "}";

      assertThat(EmfValidator.problems(line))
          .anySatisfy(p -> assertThat(p).contains("at most 30 keys"))
          .anySatisfy(p -> assertThat(p).contains("at most 100 definitions"));
    }
  }

  private static DecisionRecord record(String outcome, long micros) {
    return record(
        Arrays.stream(Outcome.values())
            .filter(o -> o.logName().equals(outcome))
            .findFirst()
            .orElseThrow(),
        micros);
  }

  private static DecisionRecord record(Outcome outcome, long micros) {
    return new DecisionRecord(
        "req-1",
        EventKind.REST_TOKEN,
        outcome,
        "resolved",
        Optional.of("alice"),
        Optional.of("ab12cd34"),
        Optional.of("dynamodb"),
        outcome == Outcome.ERROR
            ? Optional.of("Throttled: GetItem on table t in r")
            : Optional.empty(),
        micros,
        List.of());
  }

  private static Credential token(String value) {
    return Credential.parse(value).orElseThrow();
  }

  /** A backend that knows no token. */
  private static final class NotFoundBackend implements IdentityResolver {
    @Override
    public String name() {
      return "dynamodb";
    }

    @Override
    public boolean accepts(Credential credential) {
      return true;
    }

    @Override
    public Resolution resolve(Credential credential) {
      return new Resolution.NotFound();
    }
  }
}
