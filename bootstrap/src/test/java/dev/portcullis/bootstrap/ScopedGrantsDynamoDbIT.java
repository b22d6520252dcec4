package dev.portcullis.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.adapters.dynamodb.LocalDynamoDb;
import dev.portcullis.adapters.lambda.AuthorizerAdapter;
import dev.portcullis.adapters.lambda.DecisionRecord;
import dev.portcullis.bootstrap.config.Configuration;
import dev.portcullis.bootstrap.wiring.PortcullisComponent;
import dev.portcullis.domain.port.in.IssueSessionCommand;
import dev.portcullis.domain.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Grants scoped to the caller with DynamoDB session attributes, against the DynamoDB-compatible
 * server the build starts: the tenant filled in, and an unsafe tenant dropping the grant.
 */
class ScopedGrantsDynamoDbIT {

  @RegisterExtension static final LocalDynamoDb DYNAMODB = LocalDynamoDb.chosen();

  @Test
  void a_session_attribute_is_filled_in_and_an_unsafe_one_drops_the_grant() throws Exception {
    // Arrange
    List<DecisionRecord> records = new ArrayList<>();
    PortcullisComponent component =
        PortcullisComponent.create(
            Configuration.fromEnvironment(
                Map.of(
                    "PORTCULLIS_BACKENDS",
                    "dynamodb",
                    "PORTCULLIS_TABLE",
                    DYNAMODB.newTable(),
                    "AWS_REGION",
                    LocalDynamoDb.REGION,
                    "AWS_ENDPOINT_URL_DYNAMODB",
                    DYNAMODB.endpoint().toString(),
                    "PORTCULLIS_RULES",
                    ScopedGrantsTest.RULES)),
            MutableClock.at("2030-01-01T00:00:00Z"),
            records::add);
    AuthorizerAdapter authorizer = component.authorizer();
    String acme = issue(component, "alice", "acme");
    String unsafe = issue(component, "eve", "acme*");

    // Act
    String acmeAnswer = TokenEvents.invoke(authorizer, acme);
    String unsafeAnswer = TokenEvents.invoke(authorizer, unsafe);

    // Assert
    assertThat(acmeAnswer).contains("\"" + ScopedGrantsTest.STAGE + "GET/tenants/acme/*\"");
    assertThat(unsafeAnswer)
        .doesNotContain("tenants")
        .contains(ScopedGrantsTest.STAGE + "PUT/users/eve/profile");
    assertThat(records.get(1).droppedGrants())
        .singleElement()
        .asString()
        .contains("'tenant' is not a plain path segment");
  }

  private static String issue(PortcullisComponent component, String principal, String tenant) {
    return component
        .sessions()
        .issue(
            new IssueSessionCommand(
                principal,
                Set.of("member"),
                Map.of("tenant", tenant),
                Duration.ofHours(1),
                Optional.empty()))
        .token();
  }
}
