package dev.portcullis.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.adapters.lambda.AuthorizerAdapter;
import dev.portcullis.adapters.lambda.DecisionObserver;
import dev.portcullis.adapters.lambda.DecisionRecord;
import dev.portcullis.adapters.lambda.EventKind;
import dev.portcullis.adapters.lambda.HttpResponseMode;
import dev.portcullis.adapters.lambda.Outcome;
import dev.portcullis.adapters.lambda.PrimingReport;
import dev.portcullis.bootstrap.config.Configuration;
import dev.portcullis.bootstrap.wiring.PortcullisComponent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * SnapStart priming reads every event kind and writes every answer shape without deciding for
 * anybody, runs one whole decision for a never-issued token, and leaves every later decision as it
 * would have been.
 */
class SnapStartPrimingTest {

  private static final Path EXAMPLES = Path.of("..", "docs", "examples");
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);

  /** The example events answered with IAM policies, one of each kind. */
  private static final List<String> EXAMPLE_EVENTS =
      List.of("rest-token", "rest-request", "http-v1", "http-v2", "websocket-connect");

  private final List<DecisionRecord> decisions = new ArrayList<>();

  @Test
  void priming_reads_one_event_of_each_kind_and_writes_one_answer_of_each_shape() {
    // Arrange
    AuthorizerAdapter authorizer = component(decisions::add).authorizer();

    // Act
    SnapStartPriming.Outcome outcome = new SnapStartPriming(authorizer).prime();

    // Assert
    PrimingReport paths = outcome.paths().orElseThrow();
    assertThat(paths.kindsRead()).containsExactly(EventKind.values());
    assertThat(paths.answerBytes().keySet()).containsExactlyInAnyOrder(HttpResponseMode.values());
    assertThat(paths.answerBytes().values()).allSatisfy(bytes -> assertThat(bytes).isPositive());
    assertThat(paths.answerBytes().get(HttpResponseMode.IAM))
        .as("the IAM answer, with its policy, is the larger")
        .isGreaterThan(paths.answerBytes().get(HttpResponseMode.SIMPLE));
  }

  @Test
  void priming_runs_one_whole_decision_for_an_unknown_token_and_swallows_its_refusal() {
    // Arrange
    AuthorizerAdapter authorizer = component(decisions::add).authorizer();

    // Act
    SnapStartPriming.Outcome outcome = new SnapStartPriming(authorizer).prime();

    // Assert: reading and writing the priming inputs decides nothing, so one record only.
    assertThat(outcome.decision()).isEqualTo("UnauthorizedException");
    assertThat(decisions)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.requestId()).isEqualTo("snapstart-priming");
              assertThat(d.outcome()).isEqualTo(Outcome.UNAUTHENTICATED);
              assertThat(d.reason()).isEqualTo("not_found");
            });
  }

  @Test
  void priming_never_changes_a_later_decision() throws IOException {
    // Arrange: two instances of the same configuration, one of them primed.
    List<DecisionRecord> unprimedRecords = new ArrayList<>();
    AuthorizerAdapter unprimed = component(unprimedRecords::add).authorizer();
    AuthorizerAdapter primed = component(decisions::add).authorizer();
    new SnapStartPriming(primed).prime();
    decisions.clear();

    // Act
    List<String> unprimedAnswers = answers(unprimed);
    List<String> primedAnswers = answers(primed);

    // Assert
    assertThat(primedAnswers).isEqualTo(unprimedAnswers);
    assertThat(primedAnswers).noneMatch(answer -> answer.contains("priming"));
    assertThat(summaries(decisions)).isEqualTo(summaries(unprimedRecords));
    assertThat(summaries(decisions))
        .endsWith("unauthenticated not_found none", "unauthenticated not_found none");
  }

  /**
   * The answer to every example event, then to the priming tokens themselves: the one the decision
   * ran with and the one in the events the adapter read.
   */
  private static List<String> answers(AuthorizerAdapter authorizer) throws IOException {
    List<byte[]> events = new ArrayList<>();
    for (String name : EXAMPLE_EVENTS) {
      events.add(Files.readAllBytes(EXAMPLES.resolve("events").resolve(name + ".json")));
    }
    events.add(TokenEvents.event(SnapStartPriming.PRIMING_TOKEN).readAllBytes());
    events.add(
        TokenEvents.event("pcs_snapstart_priming_read_only_000000000000000000").readAllBytes());
    List<String> answers = new ArrayList<>();
    for (byte[] event : events) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try {
        authorizer.handle(new ByteArrayInputStream(event), out, "req");
        answers.add(out.toString(java.nio.charset.StandardCharsets.UTF_8));
      } catch (RuntimeException e) {
        answers.add(e.getClass().getSimpleName() + ": " + e.getMessage());
      }
    }
    return answers;
  }

  /** Each record's outcome, reason and principal, without its latency. */
  private static List<String> summaries(List<DecisionRecord> records) {
    List<String> summaries = new ArrayList<>();
    for (DecisionRecord record : records) {
      summaries.add(
          record.outcome().logName()
              + " "
              + record.reason()
              + " "
              + record.principalId().orElse("none"));
    }
    return summaries;
  }

  private static PortcullisComponent component(DecisionObserver observer) {
    return PortcullisComponent.create(
        Configuration.fromEnvironment(
            Map.of(
                "PORTCULLIS_RULES",
                "file:" + EXAMPLES.resolve("rules.json"),
                "PORTCULLIS_SESSIONS_FILE",
                EXAMPLES.resolve("sessions.json").toString(),
                "PORTCULLIS_TOKEN_SOURCES",
                "header:Authorization,cookie:session,query:access_token")),
        CLOCK,
        observer);
  }
}
