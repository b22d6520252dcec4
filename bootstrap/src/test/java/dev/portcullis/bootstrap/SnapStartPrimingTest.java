package dev.portcullis.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.adapters.lambda.DecisionObserver;
import dev.portcullis.adapters.lambda.DecisionRecord;
import dev.portcullis.bootstrap.config.Configuration;
import dev.portcullis.bootstrap.wiring.PortcullisComponent;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SnapStartPrimingTest {

  private static final Path EXAMPLES = Path.of("..", "docs", "examples");

  @Test
  void priming_runs_one_whole_decision_for_an_unknown_token_and_swallows_its_refusal() {
    List<DecisionRecord> decisions = new ArrayList<>();
    DecisionObserver observer = decisions::add;
    PortcullisComponent component =
        PortcullisComponent.create(
            Configuration.fromEnvironment(
                Map.of(
                    "PORTCULLIS_RULES",
                    "file:" + EXAMPLES.resolve("rules.json"),
                    "PORTCULLIS_SESSIONS_FILE",
                    EXAMPLES.resolve("sessions.json").toString())),
            Clock.systemUTC(),
            observer);

    String outcome = new SnapStartPriming(component.authorizer()).prime();

    assertThat(outcome).isEqualTo("UnauthorizedException");
    assertThat(decisions)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.requestId()).isEqualTo("snapstart-priming");
              assertThat(d.outcome()).isEqualTo(DecisionRecord.UNAUTHENTICATED);
              assertThat(d.reason()).isEqualTo("not_found");
            });
  }
}
