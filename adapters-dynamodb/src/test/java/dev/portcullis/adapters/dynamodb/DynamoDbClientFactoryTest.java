package dev.portcullis.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** How the factory picks credentials and applies the settings, without touching the network. */
class DynamoDbClientFactoryTest {

  @Test
  void on_lambda_the_credentials_come_from_the_environment() {
    assertThat(DynamoDbClientFactory.credentials(Map.of("AWS_LAMBDA_FUNCTION_NAME", "authorizer")))
        .isInstanceOf(EnvironmentVariableCredentialsProvider.class);
  }

  @Test
  void elsewhere_the_default_chain_finds_profiles_and_sso() {
    assertThat(DynamoDbClientFactory.credentials(Map.of()))
        .isInstanceOf(DefaultCredentialsProvider.class);
  }

  @Test
  void the_client_takes_the_region_endpoint_and_timeouts_from_the_settings() {
    DynamoDbSettings settings =
        DynamoDbSettings.defaults("sessions", "ap-southeast-2")
            .withEndpointOverride(URI.create("http://127.0.0.1:9"))
            .withTimeouts(Duration.ofMillis(900), Duration.ofMillis(300));

    try (DynamoDbClient client =
        DynamoDbClientFactory.create(settings, LocalDynamoDb.testCredentials())) {
      var configuration = client.serviceClientConfiguration();

      assertThat(configuration.region()).isEqualTo(Region.AP_SOUTHEAST_2);
      assertThat(configuration.endpointOverride()).contains(URI.create("http://127.0.0.1:9"));
      assertThat(configuration.overrideConfiguration().apiCallTimeout())
          .contains(Duration.ofMillis(900));
      assertThat(configuration.overrideConfiguration().apiCallAttemptTimeout())
          .contains(Duration.ofMillis(300));
      assertThat(configuration.overrideConfiguration().retryStrategy().orElseThrow().maxAttempts())
          .isEqualTo(2);
    }
  }
}
