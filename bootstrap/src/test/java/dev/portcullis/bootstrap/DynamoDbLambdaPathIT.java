package dev.portcullis.bootstrap;

import static dev.portcullis.bootstrap.TokenEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.adapters.dynamodb.LocalDynamoDb;
import dev.portcullis.adapters.dynamodb.SessionTable;
import dev.portcullis.adapters.lambda.AuthorizerAdapter;
import dev.portcullis.adapters.lambda.AuthorizerFailureException;
import dev.portcullis.adapters.lambda.DecisionObserver;
import dev.portcullis.adapters.lambda.UnauthorizedException;
import dev.portcullis.bootstrap.config.Configuration;
import dev.portcullis.bootstrap.wiring.PortcullisComponent;
import dev.portcullis.domain.port.in.IssueSessionCommand;
import dev.portcullis.domain.port.in.IssuedSession;
import dev.portcullis.domain.testing.MutableClock;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The production wiring with {@code PORTCULLIS_BACKENDS=dynamodb}, against a real
 * DynamoDB-compatible server that the build starts: issue, allow, revoke, expire.
 */
class DynamoDbLambdaPathIT {

  @RegisterExtension static final LocalDynamoDb DYNAMODB = LocalDynamoDb.chosen();

  private static final Path EXAMPLES = Path.of("..", "docs", "examples");
  private static final Duration CACHE = Duration.ofSeconds(30);

  private final MutableClock clock = MutableClock.at("2030-01-01T00:00:00Z");
  private String table;
  private PortcullisComponent component;
  private AuthorizerAdapter authorizer;

  @BeforeEach
  void wire() {
    table = DYNAMODB.newTable();
    component =
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
                    "file:" + EXAMPLES.resolve("rules.json"),
                    "PORTCULLIS_CACHE_SECONDS",
                    Long.toString(CACHE.toSeconds()))),
            clock,
            DecisionObserver.NONE);
    authorizer = component.authorizer();
  }

  @Test
  void an_issued_token_is_allowed_and_stays_in_the_table_only_as_its_fingerprint()
      throws Exception {
    IssuedSession issued = issue("alice", "admin", Duration.ofHours(8));

    String response = TokenEvents.invoke(authorizer, issued.token());

    assertThat(response)
        .startsWith("{\"principalId\":\"alice\"")
        .contains("\"Effect\":\"Allow\"")
        .contains("\"backend\":\"dynamodb\"");
    Map<String, AttributeValue> item = item(issued);
    assertThat(item).isNotEmpty();
    assertThat(item.toString()).doesNotContain(issued.token());
  }

  @Test
  void a_revoked_token_is_unauthorized_once_the_in_function_cache_lets_go() throws Exception {
    IssuedSession issued = issue("bob", "reader", Duration.ofHours(8));
    TokenEvents.invoke(authorizer, issued.token());

    boolean revoked = component.sessions().revoke(issued.token());
    String withinCache = TokenEvents.invoke(authorizer, issued.token());
    clock.advance(CACHE);

    assertThat(revoked).isTrue();
    assertThat(withinCache).contains("\"principalId\":\"bob\"");
    assertThatThrownBy(() -> TokenEvents.invoke(authorizer, issued.token()))
        .isInstanceOf(UnauthorizedException.class)
        .hasMessage("Unauthorized");
  }

  @Test
  void an_expired_token_is_unauthorized_though_its_item_is_still_stored() throws Exception {
    IssuedSession issued = issue("carol", "reader", Duration.ofMinutes(5));
    TokenEvents.invoke(authorizer, issued.token());

    clock.advance(Duration.ofMinutes(5));

    assertThatThrownBy(() -> TokenEvents.invoke(authorizer, issued.token()))
        .isInstanceOf(UnauthorizedException.class);
    assertThat(item(issued)).as("DynamoDB's TTL has not removed it").isNotEmpty();
  }

  @Test
  void an_unknown_token_is_unauthorized() {
    assertThatThrownBy(
            () ->
                TokenEvents.invoke(authorizer, "pcs_unknown_token_000000000000000000000000000000"))
        .isInstanceOf(UnauthorizedException.class);
  }

  @Test
  void a_missing_table_fails_with_an_error_naming_it_never_unauthorized() {
    PortcullisComponent missing =
        PortcullisComponent.create(
            Configuration.fromEnvironment(
                Map.of(
                    "PORTCULLIS_BACKENDS",
                    "dynamodb",
                    "PORTCULLIS_TABLE",
                    "no-such-table",
                    "AWS_REGION",
                    LocalDynamoDb.REGION,
                    "AWS_ENDPOINT_URL_DYNAMODB",
                    DYNAMODB.endpoint().toString(),
                    "PORTCULLIS_RULES",
                    "file:" + EXAMPLES.resolve("rules.json"))),
            clock,
            DecisionObserver.NONE);

    assertThatThrownBy(
            () ->
                missing
                    .authorizer()
                    .handle(
                        event("pcs_any_token_0000000000000000000000000000000000"),
                        new ByteArrayOutputStream(),
                        "req"))
        .isInstanceOf(AuthorizerFailureException.class)
        .hasMessageContaining("backend 'dynamodb' cannot answer")
        .satisfies(
            e ->
                assertThat(e.getCause().getMessage())
                    .contains("no-such-table")
                    .contains(LocalDynamoDb.REGION));
  }

  private IssuedSession issue(String principal, String role, Duration ttl) {
    return component
        .sessions()
        .issue(new IssueSessionCommand(principal, Set.of(role), Map.of(), ttl, Optional.empty()));
  }

  private Map<String, AttributeValue> item(IssuedSession issued) {
    return DYNAMODB
        .client()
        .getItem(
            r ->
                r.tableName(table)
                    .consistentRead(true)
                    .key(
                        Map.of(
                            SessionTable.PARTITION_KEY,
                            AttributeValue.fromS(issued.session().fingerprint().hex()))))
        .item();
  }
}
