package dev.portcullis.adapters.dynamodb;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * Builds the one {@link DynamoDbClient} a process needs, tuned for cold start and for an
 * authorizer's budget: the URLConnection HTTP client, an explicit region, explicit timeouts and a
 * short retry policy. Build it once and share it.
 */
public final class DynamoDbClientFactory {

  /** Set by the Lambda runtime in every function's environment. */
  static final String LAMBDA_FUNCTION_NAME = "AWS_LAMBDA_FUNCTION_NAME";

  private static final Duration BASE_DELAY = Duration.ofMillis(25);
  private static final Duration MAX_DELAY = Duration.ofMillis(100);

  private DynamoDbClientFactory() {}

  /** A client with the credentials that suit where this process runs; see {@link #credentials}. */
  public static DynamoDbClient create(DynamoDbSettings settings) {
    return create(settings, credentials(System.getenv()));
  }

  /** A client with the given credentials: for tests, and for callers that chose their own. */
  public static DynamoDbClient create(
      DynamoDbSettings settings, AwsCredentialsProvider credentials) {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(credentials, "credentials");
    DynamoDbClientBuilder builder =
        DynamoDbClient.builder()
            .region(Region.of(settings.region()))
            .credentialsProvider(credentials)
            // No socket timeout below the SDK's: apiCallAttemptTimeout bounds every read, and
            // administrative calls (table create) set a longer one per request.
            .httpClient(
                UrlConnectionHttpClient.builder()
                    .connectionTimeout(settings.apiCallAttemptTimeout())
                    .build())
            .overrideConfiguration(
                o ->
                    o.apiCallTimeout(settings.apiCallTimeout())
                        .apiCallAttemptTimeout(settings.apiCallAttemptTimeout())
                        .retryStrategy(
                            r -> {
                              r.maxAttempts(settings.maxAttempts());
                              r.backoffStrategy(
                                  BackoffStrategy.exponentialDelay(BASE_DELAY, MAX_DELAY));
                              r.throttlingBackoffStrategy(
                                  BackoffStrategy.exponentialDelay(BASE_DELAY, MAX_DELAY));
                            }));
    settings.endpointOverride().ifPresent(builder::endpointOverride);
    return builder.build();
  }

  /**
   * On Lambda ({@value #LAMBDA_FUNCTION_NAME} set) the function role's keys are in the environment,
   * and reading them loads a handful of classes. Elsewhere (the CLI, a laptop) the default chain
   * finds profiles, SSO and container credentials; it is built only then, so Lambda never loads it.
   */
  static AwsCredentialsProvider credentials(Map<String, String> environment) {
    String function = environment.get(LAMBDA_FUNCTION_NAME);
    if (function != null && !function.isBlank()) {
      return EnvironmentVariableCredentialsProvider.create();
    }
    return DefaultCredentialsProvider.builder().build();
  }
}
