package dev.portcullis.adapters.dynamodb;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
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

  /** Local servers check no signature; these name themselves in a server's log. */
  static final String DUMMY_ACCESS_KEY = "portcullis-local";

  static final String DUMMY_SECRET_KEY = "portcullis-local-secret";

  private static final Pattern LOOPBACK_V4 =
      Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

  private static final Duration BASE_DELAY = Duration.ofMillis(25);
  private static final Duration MAX_DELAY = Duration.ofMillis(100);

  private DynamoDbClientFactory() {}

  /**
   * A client with the credentials that suit where this process runs (see {@link #credentials}); the
   * one-line notice of dummy credentials for a local endpoint goes to standard error.
   */
  public static DynamoDbClient create(DynamoDbSettings settings) {
    Consumer<String> standardError = System.err::println;
    return create(settings, standardError);
  }

  /**
   * A client with the credentials that suit where this process runs; {@code notices} receives the
   * one line that says dummy credentials stand in for missing ones at a local endpoint.
   */
  public static DynamoDbClient create(DynamoDbSettings settings, Consumer<String> notices) {
    return create(settings, credentials(settings, System.getenv(), notices));
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
   * At a loopback endpoint (a local DynamoDB-compatible server, which checks no signature) a
   * machine without credentials gets dummy ones, and {@code notices} one line that says so.
   */
  static AwsCredentialsProvider credentials(
      DynamoDbSettings settings, Map<String, String> environment, Consumer<String> notices) {
    String function = environment.get(LAMBDA_FUNCTION_NAME);
    if (function != null && !function.isBlank()) {
      return EnvironmentVariableCredentialsProvider.create();
    }
    Optional<URI> local = settings.endpointOverride().filter(DynamoDbClientFactory::isLoopback);
    if (local.isPresent()) {
      return orDummy(
          AwsCredentialsProviderChain.of(
              SystemPropertyCredentialsProvider.create(),
              EnvironmentVariableCredentialsProvider.create(),
              ProfileCredentialsProvider.create()),
          local.get(),
          notices);
    }
    return new OneLineFailure(DefaultCredentialsProvider.builder().build());
  }

  /** {@code found} when it resolves credentials now; otherwise dummy ones, said in a line. */
  static AwsCredentialsProvider orDummy(
      AwsCredentialsProvider found, URI endpoint, Consumer<String> notices) {
    try {
      found.resolveCredentials();
      return found;
    } catch (SdkClientException e) {
      notices.accept(
          "portcullis: no AWS credentials found; using dummy credentials for the local endpoint "
              + endpoint);
      return StaticCredentialsProvider.create(
          AwsBasicCredentials.create(DUMMY_ACCESS_KEY, DUMMY_SECRET_KEY));
    }
  }

  /** Decided on the text alone, never by a DNS look-up: localhost, 127.0.0.0/8 and [::1]. */
  static boolean isLoopback(URI endpoint) {
    String host = endpoint.getHost();
    return host != null
        && (host.equals("localhost")
            || host.equals("[::1]")
            || LOOPBACK_V4.matcher(host).matches());
  }

  /**
   * The default chain, whose failure to find any credentials (a paragraph naming every provider it
   * tried) becomes one line with the cause and the fix.
   */
  static final class OneLineFailure implements AwsCredentialsProvider {

    static final String NO_CREDENTIALS =
        "no AWS credentials found (the environment, system properties, web identity, the shared"
            + " config and credentials files, SSO, the container and the instance role were"
            + " tried): set AWS_PROFILE, run `aws sso login` or `aws configure`, or export"
            + " AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY";

    private final AwsCredentialsProvider chain;

    OneLineFailure(AwsCredentialsProvider chain) {
      this.chain = chain;
    }

    @Override
    public AwsCredentials resolveCredentials() {
      try {
        return chain.resolveCredentials();
      } catch (SdkClientException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.startsWith("Unable to load credentials from any of the providers")) {
          throw SdkClientException.create(NO_CREDENTIALS);
        }
        throw e;
      }
    }
  }
}
