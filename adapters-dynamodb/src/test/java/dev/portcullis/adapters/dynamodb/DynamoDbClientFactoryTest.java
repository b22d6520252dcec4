package dev.portcullis.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.domain.model.Credential;
import dev.portcullis.domain.port.out.BackendUnavailableException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** How the factory picks credentials and applies the settings, without touching the network. */
class DynamoDbClientFactoryTest {

  private static final DynamoDbSettings AWS = DynamoDbSettings.defaults("sessions", "eu-west-1");
  private static final URI LOCAL = URI.create("http://127.0.0.1:8000");

  private final List<String> notices = new ArrayList<>();

  @Test
  void on_lambda_the_credentials_come_from_the_environment() {
    assertThat(
            DynamoDbClientFactory.credentials(
                TestSettings.from(AWS).endpointOverride(LOCAL).build(),
                Map.of("AWS_LAMBDA_FUNCTION_NAME", "authorizer"),
                notices::add))
        .isInstanceOf(EnvironmentVariableCredentialsProvider.class);
    assertThat(notices).isEmpty();
  }

  @Test
  void elsewhere_the_default_chain_finds_profiles_and_sso() {
    assertThat(DynamoDbClientFactory.credentials(AWS, Map.of(), notices::add))
        .isInstanceOf(DynamoDbClientFactory.OneLineFailure.class);
    assertThat(notices).isEmpty();
  }

  @Test
  void a_local_endpoint_without_credentials_gets_dummy_ones_and_says_so_in_one_line() {
    AwsCredentialsProvider none =
        () -> {
          throw SdkClientException.create("Unable to load credentials from any of the providers");
        };

    AwsCredentialsProvider chosen = DynamoDbClientFactory.orDummy(none, LOCAL, notices::add);

    assertThat(chosen.resolveCredentials().accessKeyId())
        .isEqualTo(DynamoDbClientFactory.DUMMY_ACCESS_KEY);
    assertThat(notices)
        .containsExactly(
            "portcullis: no AWS credentials found; using dummy credentials for the local endpoint"
                + " http://127.0.0.1:8000");
  }

  @Test
  void a_local_endpoint_keeps_the_credentials_it_finds_without_a_word() {
    AwsCredentialsProvider found = LocalDynamoDb.testCredentials();

    assertThat(DynamoDbClientFactory.orDummy(found, LOCAL, notices::add)).isSameAs(found);
    assertThat(notices).isEmpty();
  }

  @Test
  void only_loopback_addresses_count_as_local() {
    assertThat(DynamoDbClientFactory.isLoopback(URI.create("http://127.0.0.1:8000"))).isTrue();
    assertThat(DynamoDbClientFactory.isLoopback(URI.create("http://127.1.2.3:8000"))).isTrue();
    assertThat(DynamoDbClientFactory.isLoopback(URI.create("http://localhost:8000"))).isTrue();
    assertThat(DynamoDbClientFactory.isLoopback(URI.create("http://[::1]:8000"))).isTrue();
    assertThat(DynamoDbClientFactory.isLoopback(URI.create("http://10.0.0.1:8000"))).isFalse();
    assertThat(
            DynamoDbClientFactory.isLoopback(
                URI.create("https://dynamodb.eu-west-1.amazonaws.com")))
        .isFalse();
    assertThat(DynamoDbClientFactory.isLoopback(URI.create("http://127.0.0.1.example.com")))
        .isFalse();
  }

  @Test
  void no_credentials_anywhere_is_one_line_with_the_cause_and_the_fix() {
    AwsCredentialsProvider chainText =
        () -> {
          throw SdkClientException.create(
              "Unable to load credentials from any of the providers in the chain"
                  + " AwsCredentialsProviderChain(credentialsProviders=["
                  + "x".repeat(1500)
                  + "])");
        };

    assertThatThrownBy(
            () -> new DynamoDbClientFactory.OneLineFailure(chainText).resolveCredentials())
        .isInstanceOf(SdkClientException.class)
        .hasMessageStartingWith("no AWS credentials found")
        .hasMessageContaining("set AWS_PROFILE")
        .hasMessageNotContaining("\n")
        .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(400));
  }

  @Test
  void a_call_without_credentials_fails_with_that_one_line_before_any_request_is_sent() {
    AwsCredentialsProvider chainText =
        () -> {
          throw SdkClientException.create(
              "Unable to load credentials from any of the providers in the chain "
                  + "x".repeat(1500));
        };
    DynamoDbSettings settings =
        TestSettings.from(AWS).endpointOverride(URI.create("http://127.0.0.1:9")).build();

    try (DynamoDbClient client =
        DynamoDbClientFactory.create(
            settings, new DynamoDbClientFactory.OneLineFailure(chainText))) {
      DynamoDbSessionStore store = new DynamoDbSessionStore(client, settings);

      assertThatThrownBy(
              () ->
                  store.find(
                      Credential.parse("pcs_no_such_token_00000000000000000000000000000")
                          .orElseThrow()
                          .fingerprint()))
          .isInstanceOf(BackendUnavailableException.class)
          .hasMessageContaining(DynamoDbClientFactory.OneLineFailure.NO_CREDENTIALS)
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("xxxx").doesNotContain("\n"));
    }
  }

  @Test
  void the_client_takes_the_region_endpoint_and_timeouts_from_the_settings() {
    DynamoDbSettings settings =
        TestSettings.from(DynamoDbSettings.defaults("sessions", "ap-southeast-2"))
            .endpointOverride(URI.create("http://127.0.0.1:9"))
            .timeouts(Duration.ofMillis(900), Duration.ofMillis(300))
            .build();

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
