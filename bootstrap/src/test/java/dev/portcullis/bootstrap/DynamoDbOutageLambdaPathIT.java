package dev.portcullis.bootstrap;

import static dev.portcullis.bootstrap.TokenEvents.event;
import static dev.portcullis.bootstrap.TokenEvents.invoke;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.adapters.dynamodb.LocalDynamoDb;
import dev.portcullis.adapters.lambda.AuthorizerAdapter;
import dev.portcullis.adapters.lambda.AuthorizerFailureException;
import dev.portcullis.adapters.lambda.DecisionObserver;
import dev.portcullis.bootstrap.config.Configuration;
import dev.portcullis.bootstrap.wiring.PortcullisComponent;
import dev.portcullis.domain.port.in.IssueSessionCommand;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The production wiring while its DynamoDB server goes away and comes back: every call fails as an
 * error within the configured budget, none is answered, and the same instance recovers.
 */
class DynamoDbOutageLambdaPathIT {

  @RegisterExtension static final LocalDynamoDb DYNAMODB = LocalDynamoDb.controllable();

  private static final Duration BUDGET = Duration.ofMillis(1200);

  @Test
  void an_outage_fails_every_call_within_the_budget_and_the_same_instance_recovers()
      throws Exception {
    String table = DYNAMODB.newTable();
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
                    "file:" + Path.of("..", "docs", "examples", "rules.json"),
                    "PORTCULLIS_DYNAMODB_TIMEOUT_MS",
                    Long.toString(BUDGET.toMillis()),
                    "PORTCULLIS_CACHE_SECONDS",
                    "0")),
            Clock.systemUTC(),
            DecisionObserver.NONE);
    AuthorizerAdapter authorizer = component.authorizer();
    String token =
        component
            .sessions()
            .issue(
                new IssueSessionCommand(
                    "erin", Set.of("reader"), Map.of(), Duration.ofHours(1), Optional.empty()))
            .token();
    assertThat(invoke(authorizer, token)).contains("\"Effect\":\"Allow\"");

    DYNAMODB.stop();
    try {
      for (int call = 0; call < 5; call++) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long started = System.nanoTime();
        assertThatThrownBy(() -> authorizer.handle(event(token), out, "outage"))
            .isInstanceOf(AuthorizerFailureException.class)
            .hasMessageStartingWith("Authorizer failure: backend 'dynamodb' cannot answer")
            .hasMessageNotContaining(token);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(out.size()).as("nothing is answered").isZero();
        assertThat(took).as("the call budget bounds the failure").isLessThan(BUDGET.plusSeconds(2));
      }
    } finally {
      DYNAMODB.restart();
    }

    assertThat(invoke(authorizer, token)).contains("\"Effect\":\"Allow\"");
  }
}
