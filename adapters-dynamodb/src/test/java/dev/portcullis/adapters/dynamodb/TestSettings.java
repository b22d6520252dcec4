package dev.portcullis.adapters.dynamodb;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** Builds test {@link DynamoDbSettings}: a copy of some settings with a few values changed. */
public final class TestSettings {

  private String tableName;
  private final String region;
  private Optional<URI> endpointOverride;
  private boolean consistentRead;
  private Duration apiCallTimeout;
  private Duration apiCallAttemptTimeout;
  private int maxAttempts;

  private TestSettings(DynamoDbSettings settings) {
    this.tableName = settings.tableName();
    this.region = settings.region();
    this.endpointOverride = settings.endpointOverride();
    this.consistentRead = settings.consistentRead();
    this.apiCallTimeout = settings.apiCallTimeout();
    this.apiCallAttemptTimeout = settings.apiCallAttemptTimeout();
    this.maxAttempts = settings.maxAttempts();
  }

  /** Starts from every value of {@code settings}. */
  public static TestSettings from(DynamoDbSettings settings) {
    return new TestSettings(settings);
  }

  public TestSettings tableName(String table) {
    this.tableName = table;
    return this;
  }

  public TestSettings endpointOverride(URI endpoint) {
    this.endpointOverride = Optional.of(endpoint);
    return this;
  }

  public TestSettings consistentRead(boolean consistent) {
    this.consistentRead = consistent;
    return this;
  }

  public TestSettings timeouts(Duration callTimeout, Duration attemptTimeout) {
    this.apiCallTimeout = callTimeout;
    this.apiCallAttemptTimeout = attemptTimeout;
    return this;
  }

  public TestSettings maxAttempts(int attempts) {
    this.maxAttempts = attempts;
    return this;
  }

  /** The settings, checked as the production ones are. */
  public DynamoDbSettings build() {
    return new DynamoDbSettings(
        tableName,
        region,
        endpointOverride,
        consistentRead,
        apiCallTimeout,
        apiCallAttemptTimeout,
        maxAttempts);
  }
}
