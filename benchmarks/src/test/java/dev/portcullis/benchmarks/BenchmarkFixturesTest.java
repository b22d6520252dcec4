package dev.portcullis.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.domain.model.Resolution;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Fast checks that every benchmark's fixture measures the path it claims: each example event gets
 * its expected answer, the policies are the documented ones, and both JWTs verify. No timing.
 */
class BenchmarkFixturesTest {

  @ParameterizedTest
  @ValueSource(strings = {"none", "json"})
  void every_example_event_gets_its_expected_answer_through_the_benchmarked_wiring(String log)
      throws Exception {
    for (String event : Examples.EVENTS) {
      // Arrange
      RoundTripBenchmark.Fixture fixture = new RoundTripBenchmark.Fixture();
      fixture.event = event;
      fixture.log = log;

      // Act: setUp compares the answer with docs/examples/events/expected
      fixture.setUp();
      int written = fixture.roundTrip(new RoundTripBenchmark.Buffers());

      // Assert
      assertThat(written).as(event).isPositive();
    }
  }

  @Test
  void the_policy_fixture_builds_the_documented_reader_policy() {
    PolicyBenchmark benchmark = new PolicyBenchmark();

    benchmark.setUp();

    assertThat(benchmark.evaluateAllowed()).isTrue();
    assertThat(benchmark.evaluateDenied()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"RS256", "ES256"})
  void the_jwt_fixture_token_verifies(String algorithm) throws Exception {
    JwtBenchmark benchmark = new JwtBenchmark();
    benchmark.algorithm = algorithm;

    benchmark.setUp();
    try {
      assertThat(benchmark.verifyLatency()).isInstanceOf(Resolution.Resolved.class);
    } finally {
      benchmark.tearDown();
    }
  }

  @Test
  void json_comparison_ignores_layout_but_not_content() throws IOException {
    assertThat(Json.compact("{ \"a\" : [1, \"b c\"] }")).isEqualTo("{\"a\":[1,\"b c\"]}");
    assertThat(Json.compact("{\"a\":\"x\\\" y\"}")).isEqualTo("{\"a\":\"x\\\" y\"}");
  }
}
