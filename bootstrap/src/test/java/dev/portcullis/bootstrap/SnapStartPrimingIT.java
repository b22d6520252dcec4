package dev.portcullis.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.adapters.dynamodb.LocalDynamoDb;
import dev.portcullis.adapters.lambda.DecisionRecord;
import dev.portcullis.adapters.lambda.EventKind;
import dev.portcullis.bootstrap.config.Configuration;
import dev.portcullis.bootstrap.wiring.PortcullisComponent;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With DynamoDB in the chain, priming's decision for the never-issued token reaches the table
 * through the store: a real GetItem, which a missing table shows by failing with its cause.
 */
class SnapStartPrimingIT {

  @RegisterExtension static final LocalDynamoDb DYNAMODB = LocalDynamoDb.chosen();

  private static final Path EXAMPLES = Path.of("..", "docs", "examples");

  private final List<DecisionRecord> decisions = new ArrayList<>();

  @Test
  void priming_asks_the_table_and_finds_nothing() {
    SnapStartPriming.Outcome outcome = primeWith(DYNAMODB.newTable());

    assertThat(outcome.decision()).isEqualTo("UnauthorizedException");
    assertThat(outcome.paths().orElseThrow().kindsRead()).containsExactly(EventKind.values());
    assertThat(decisions)
        .singleElement()
        .satisfies(d -> assertThat(d.reason()).isEqualTo("not_found"));
  }

  @Test
  void priming_against_a_missing_table_shows_that_the_get_item_was_really_made() {
    SnapStartPriming.Outcome outcome = primeWith("missing-table-for-priming");

    assertThat(outcome.decision()).isEqualTo("AuthorizerFailureException");
    assertThat(decisions)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.reason()).isEqualTo("backend_unavailable");
              assertThat(d.cause())
                  .contains(
                      "ResourceNotFound: table missing-table-for-priming in "
                          + LocalDynamoDb.REGION);
            });
  }

  private SnapStartPriming.Outcome primeWith(String table) {
    PortcullisComponent component =
        PortcullisComponent.create(
            Configuration.fromEnvironment(
                Map.of(
                    "PORTCULLIS_BACKENDS",
                    "dynamodb",
                    "PORTCULLIS_TABLE",
                    table,
                    "AWS_REGION",
                    LocalDynamoDb.REGION,
                    "AWS_ENDPOINT_URL_DYNAMODB",
                    DYNAMODB.endpoint().toString(),
                    "PORTCULLIS_RULES",
                    "file:" + EXAMPLES.resolve("rules.json"))),
            Clock.systemUTC(),
            decisions::add);
    return new SnapStartPriming(component.authorizer()).prime();
  }
}
