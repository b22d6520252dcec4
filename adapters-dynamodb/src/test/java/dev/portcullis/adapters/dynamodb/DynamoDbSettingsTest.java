package dev.portcullis.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The settings' documented defaults, and the values refused before the first request. */
class DynamoDbSettingsTest {

  @Test
  void the_defaults_read_consistently_and_give_up_within_the_documented_budget() {
    DynamoDbSettings settings = DynamoDbSettings.defaults("sessions", "eu-west-1");

    assertThat(settings.endpointOverride()).isEmpty();
    assertThat(settings.consistentRead()).isTrue();
    assertThat(settings.apiCallAttemptTimeout()).isEqualTo(Duration.ofMillis(500));
    assertThat(settings.apiCallTimeout()).isEqualTo(Duration.ofMillis(1200));
    assertThat(settings.maxAttempts()).isEqualTo(2);
  }

  @Test
  void the_default_call_budget_leaves_room_for_every_attempt() {
    DynamoDbSettings settings = DynamoDbSettings.defaults("sessions", "eu-west-1");

    assertThat(settings.apiCallAttemptTimeout().multipliedBy(settings.maxAttempts()))
        .isLessThan(settings.apiCallTimeout());
  }

  @Test
  void withers_change_one_value_and_keep_the_rest() {
    DynamoDbSettings settings =
        TestSettings.from(DynamoDbSettings.defaults("sessions", "eu-west-1"))
            .endpointOverride(URI.create("http://127.0.0.1:4567"))
            .consistentRead(false)
            .maxAttempts(3)
            .tableName("other")
            .build()
            .withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(1));

    assertThat(settings)
        .isEqualTo(
            new DynamoDbSettings(
                "other",
                "eu-west-1",
                java.util.Optional.of(URI.create("http://127.0.0.1:4567")),
                false,
                Duration.ofSeconds(3),
                Duration.ofSeconds(1),
                3));
  }

  @Test
  void a_table_name_dynamodb_would_refuse_is_refused_at_start_up() {
    assertThatThrownBy(() -> DynamoDbSettings.defaults("my sessions", "eu-west-1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tableName")
        .hasMessageContaining("'my sessions'");
  }

  @Test
  void a_missing_region_is_named_by_its_variable() {
    assertThatThrownBy(() -> DynamoDbSettings.defaults("sessions", " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("AWS_REGION");
  }

  @Test
  void an_attempt_longer_than_the_whole_call_is_refused() {
    DynamoDbSettings settings = DynamoDbSettings.defaults("sessions", "eu-west-1");

    assertThatThrownBy(() -> settings.withTimeouts(Duration.ofMillis(100), Duration.ofMillis(200)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("apiCallAttemptTimeout (200 ms)");
  }

  @Test
  void zero_attempts_or_a_zero_timeout_are_refused() {
    DynamoDbSettings settings = DynamoDbSettings.defaults("sessions", "eu-west-1");

    assertThatThrownBy(() -> TestSettings.from(settings).maxAttempts(0).build())
        .hasMessageContaining("maxAttempts");
    assertThatThrownBy(() -> settings.withTimeouts(Duration.ZERO, Duration.ZERO))
        .hasMessageContaining("apiCallTimeout must be positive");
  }
}
