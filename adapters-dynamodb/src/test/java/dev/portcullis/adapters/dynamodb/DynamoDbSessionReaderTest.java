package dev.portcullis.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Where the reader sends its GetItem, and when it leaves the read to the SDK client instead. */
class DynamoDbSessionReaderTest {

  @Test
  void the_configured_endpoint_wins() {
    DynamoDbSettings settings =
        DynamoDbSettings.defaults("sessions", "eu-west-1")
            .withEndpointOverride(URI.create("http://127.0.0.1:8000"));

    assertThat(DynamoDbSessionReader.endpoint(settings, Map.of("AWS_USE_FIPS_ENDPOINT", "true")))
        .isEqualTo(URI.create("http://127.0.0.1:8000"));
  }

  @ParameterizedTest
  @CsvSource({
    "eu-west-1, https://dynamodb.eu-west-1.amazonaws.com",
    "us-gov-west-1, https://dynamodb.us-gov-west-1.amazonaws.com",
    "cn-north-1, https://dynamodb.cn-north-1.amazonaws.com.cn",
    "ap-southeast-5, https://dynamodb.ap-southeast-5.amazonaws.com"
  })
  void a_standard_region_reads_from_its_regional_endpoint(String region, String endpoint) {
    assertThat(
            DynamoDbSessionReader.endpoint(DynamoDbSettings.defaults("sessions", region), Map.of()))
        .isEqualTo(URI.create(endpoint));
  }

  @ParameterizedTest
  @ValueSource(strings = {"us-iso-east-1", "us-isob-east-1", "eu-isoe-west-1", "eusc-de-east-1"})
  void an_isolated_partition_is_left_to_the_sdk(String region) {
    assertThat(
            DynamoDbSessionReader.endpoint(DynamoDbSettings.defaults("sessions", region), Map.of()))
        .isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"AWS_USE_FIPS_ENDPOINT", "AWS_USE_DUALSTACK_ENDPOINT"})
  void fips_or_dual_stack_is_left_to_the_sdk(String variable) {
    assertThat(
            DynamoDbSessionReader.endpoint(
                DynamoDbSettings.defaults("sessions", "us-east-1"), Map.of(variable, "true")))
        .isNull();
  }

  @Test
  void a_store_that_cannot_resolve_the_endpoint_reads_through_the_sdk_client() {
    DynamoDbSessionStore store =
        DynamoDbSessionStore.create(
            DynamoDbSettings.defaults("sessions", "us-iso-east-1"),
            LocalDynamoDb.testCredentials(),
            Map.of());

    assertThat(store.readsWithoutSdk()).isFalse();
  }
}
