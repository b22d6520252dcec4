package dev.portcullis.adapters.dynamodb;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Everything the DynamoDB backend needs to know, as plain values the composition root fills from
 * the environment. Start from {@link #defaults(String, String)}; each default is a public constant.
 *
 * @param tableName the session table ({@code PORTCULLIS_TABLE})
 * @param region the AWS region ({@code AWS_REGION}), never guessed
 * @param endpointOverride a DynamoDB-compatible endpoint ({@code AWS_ENDPOINT_URL_DYNAMODB}); when
 *     empty the SDK resolves the endpoint itself
 * @param consistentRead whether {@code find} reads strongly consistently
 * @param apiCallTimeout the budget of one call, every attempt and back-off included
 * @param apiCallAttemptTimeout the budget of one HTTP attempt, connecting included
 * @param maxAttempts attempts per call, the first one included
 */
public record DynamoDbSettings(
    String tableName,
    String region,
    Optional<URI> endpointOverride,
    boolean consistentRead,
    Duration apiCallTimeout,
    Duration apiCallAttemptTimeout,
    int maxAttempts) {

  /** A revocation or a new session is seen by the very next read, for twice the read cost. */
  public static final boolean DEFAULT_CONSISTENT_READ = true;

  /** Fits twice the attempt timeout plus a back-off, and stays far below any authorizer limit. */
  public static final Duration DEFAULT_API_CALL_TIMEOUT = Duration.ofMillis(1200);

  /** Far more than a GetItem takes, with room for a TLS handshake on a new connection. */
  public static final Duration DEFAULT_API_CALL_ATTEMPT_TIMEOUT = Duration.ofMillis(500);

  /** One retry: enough for a dropped connection, too few to hide an outage. */
  public static final int DEFAULT_MAX_ATTEMPTS = 2;

  /** The most attempts accepted: more would only delay the error an authorizer must return. */
  public static final int MAX_ATTEMPTS_LIMIT = 10;

  private static final Pattern TABLE_NAME = Pattern.compile("[a-zA-Z0-9_.-]{3,255}");

  public DynamoDbSettings {
    Objects.requireNonNull(tableName, "tableName");
    if (!TABLE_NAME.matcher(tableName).matches()) {
      throw new IllegalArgumentException(
          "tableName must be 3 to 255 characters of a-z, A-Z, 0-9, '_', '-' and '.', got '"
              + tableName
              + "'");
    }
    Objects.requireNonNull(region, "region");
    if (region.isBlank()) {
      throw new IllegalArgumentException("region must be set (AWS_REGION), got an empty value");
    }
    Objects.requireNonNull(endpointOverride, "endpointOverride");
    requirePositive(apiCallTimeout, "apiCallTimeout");
    requirePositive(apiCallAttemptTimeout, "apiCallAttemptTimeout");
    if (apiCallAttemptTimeout.compareTo(apiCallTimeout) > 0) {
      throw new IllegalArgumentException(
          "apiCallAttemptTimeout ("
              + apiCallAttemptTimeout.toMillis()
              + " ms) must not exceed apiCallTimeout ("
              + apiCallTimeout.toMillis()
              + " ms)");
    }
    if (maxAttempts < 1 || maxAttempts > MAX_ATTEMPTS_LIMIT) {
      throw new IllegalArgumentException(
          "maxAttempts must be 1 to " + MAX_ATTEMPTS_LIMIT + ", got " + maxAttempts);
    }
  }

  /** The settings for this table and region, every other value at its documented default. */
  public static DynamoDbSettings defaults(String tableName, String region) {
    return new DynamoDbSettings(
        tableName,
        region,
        Optional.empty(),
        DEFAULT_CONSISTENT_READ,
        DEFAULT_API_CALL_TIMEOUT,
        DEFAULT_API_CALL_ATTEMPT_TIMEOUT,
        DEFAULT_MAX_ATTEMPTS);
  }

  /**
   * These settings with other timeouts: administrative calls and probes get budgets of their own.
   */
  public DynamoDbSettings withTimeouts(Duration callTimeout, Duration attemptTimeout) {
    return new DynamoDbSettings(
        tableName,
        region,
        endpointOverride,
        consistentRead,
        callTimeout,
        attemptTimeout,
        maxAttempts);
  }

  private static void requirePositive(Duration duration, String name) {
    Objects.requireNonNull(duration, name);
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, got " + duration);
    }
  }
}
