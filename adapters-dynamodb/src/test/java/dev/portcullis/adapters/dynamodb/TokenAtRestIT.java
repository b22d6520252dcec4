package dev.portcullis.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.domain.model.Credential;
import dev.portcullis.domain.port.in.IssueSessionCommand;
import dev.portcullis.domain.port.in.IssuedSession;
import dev.portcullis.domain.port.out.RandomSource;
import dev.portcullis.domain.service.SessionAdministrationService;
import dev.portcullis.domain.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A token is shown once and never stored: the table holds fingerprints only. */
class TokenAtRestIT {

  @RegisterExtension static final LocalDynamoDb SERVER = LocalDynamoDb.chosen();

  @Test
  void no_attribute_of_any_row_contains_a_token_or_its_random_part() {
    // Arrange
    String table = SERVER.newTable();
    SessionAdministrationService sessions =
        new SessionAdministrationService(
            "dynamodb",
            new DynamoDbSessionStore(SERVER.client(), SERVER.settings(table)),
            RandomSource.secure(),
            MutableClock.at("2040-06-01T12:00:00Z"));
    List<IssuedSession> issued = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      issued.add(
          sessions.issue(
              new IssueSessionCommand(
                  "user-" + (i % 5),
                  Set.of("reader", "writer"),
                  Map.of("tenant", "acme", "n", Integer.toString(i)),
                  Duration.ofHours(8),
                  Optional.of("usage-key-" + i))));
    }
    sessions.revoke(issued.get(0).token());
    sessions.revokeAll("user-1");

    // Act
    List<Map<String, AttributeValue>> rows = SERVER.client().scan(r -> r.tableName(table)).items();

    // Assert
    assertThat(rows).hasSize(50);
    List<String> stored = new ArrayList<>();
    rows.forEach(row -> row.forEach((name, value) -> flatten(name, value, stored)));
    for (IssuedSession session : issued) {
      String token = session.token();
      String randomPart = token.substring(SessionAdministrationService.TOKEN_PREFIX.length());
      assertThat(stored).noneMatch(text -> text.contains(randomPart));
      assertThat(rows)
          .anySatisfy(
              row ->
                  assertThat(row.get("pk").s())
                      .isEqualTo(Credential.parse(token).orElseThrow().fingerprint().hex()));
    }
  }

  /** Every name and every scalar value in the attribute, nested ones included. */
  private static void flatten(String name, AttributeValue value, List<String> out) {
    out.add(name);
    if (value.s() != null) {
      out.add(value.s());
    }
    if (value.n() != null) {
      out.add(value.n());
    }
    if (value.b() != null) {
      out.add(value.b().asUtf8String());
    }
    out.addAll(value.ss());
    out.addAll(value.ns());
    value.l().forEach(element -> flatten("", element, out));
    value.m().forEach((key, element) -> flatten(key, element, out));
  }
}
