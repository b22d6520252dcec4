package dev.portcullis.bootstrap.config;

import dev.portcullis.adapters.dynamodb.DynamoDbSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the dynamodb backend's variables, with the AWS SDK's region and endpoint, into its {@link
 * DynamoDbSettings}.
 */
final class DynamoDbVariables {

  /** The variables of the dynamodb backend, besides the AWS SDK's own. */
  static final Set<String> NAMES =
      Set.of(
          "PORTCULLIS_TABLE",
          "PORTCULLIS_DYNAMODB_CONSISTENT_READ",
          "PORTCULLIS_DYNAMODB_TIMEOUT_MS",
          "PORTCULLIS_DYNAMODB_ATTEMPT_TIMEOUT_MS",
          "PORTCULLIS_DYNAMODB_MAX_ATTEMPTS");

  private DynamoDbVariables() {}

  /** The settings, or empty when a problem was found: {@code settings} then holds every one. */
  static Optional<DynamoDbSettings> read(SettingsReader settings) {
    Optional<String> table = settings.string("PORTCULLIS_TABLE");
    if (table.isEmpty()) {
      settings.problem(
          "PORTCULLIS_TABLE is not set: the dynamodb backend needs the sessions table's name");
    }
    Optional<String> region = settings.string("AWS_REGION");
    if (region.isEmpty()) {
      settings.problem(
          "AWS_REGION is not set: the dynamodb backend needs a region, e.g. us-east-1");
    }
    String endpointVariable =
        settings.isSet("AWS_ENDPOINT_URL_DYNAMODB")
            ? "AWS_ENDPOINT_URL_DYNAMODB"
            : "AWS_ENDPOINT_URL";
    Optional<URI> endpoint =
        settings.url(endpointVariable, "use e.g. http://127.0.0.1:8000 (or unset it)");
    boolean consistentRead =
        settings.bool(
            "PORTCULLIS_DYNAMODB_CONSISTENT_READ",
            DynamoDbSettings.DEFAULT_CONSISTENT_READ,
            "use true (strongly consistent) or false (eventually consistent)");
    Duration callTimeout =
        milliseconds(
            settings, "PORTCULLIS_DYNAMODB_TIMEOUT_MS", DynamoDbSettings.DEFAULT_API_CALL_TIMEOUT);
    Duration attemptTimeout =
        milliseconds(
            settings,
            "PORTCULLIS_DYNAMODB_ATTEMPT_TIMEOUT_MS",
            DynamoDbSettings.DEFAULT_API_CALL_ATTEMPT_TIMEOUT);
    int maxAttempts =
        settings.integer(
            "PORTCULLIS_DYNAMODB_MAX_ATTEMPTS",
            DynamoDbSettings.DEFAULT_MAX_ATTEMPTS,
            1,
            DynamoDbSettings.MAX_ATTEMPTS_LIMIT);
    if (table.isEmpty() || region.isEmpty()) {
      return Optional.empty();
    }
    if (attemptTimeout.compareTo(callTimeout) > 0) {
      settings.problem(
          "PORTCULLIS_DYNAMODB_ATTEMPT_TIMEOUT_MS is larger than PORTCULLIS_DYNAMODB_TIMEOUT_MS:"
              + " one attempt cannot outlast the whole call");
      return Optional.empty();
    }
    try {
      return Optional.of(
          new DynamoDbSettings(
              table.get(),
              region.get(),
              endpoint,
              consistentRead,
              callTimeout,
              attemptTimeout,
              maxAttempts));
    } catch (IllegalArgumentException e) {
      settings.problem("PORTCULLIS_TABLE: " + e.getMessage());
      return Optional.empty();
    }
  }

  /** A timeout of 10 to 30,000 ms. */
  private static Duration milliseconds(SettingsReader settings, String name, Duration fallback) {
    return Duration.ofMillis(settings.integer(name, (int) fallback.toMillis(), 10, 30_000));
  }
}
