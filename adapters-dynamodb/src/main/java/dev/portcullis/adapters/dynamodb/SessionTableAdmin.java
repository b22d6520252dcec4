package dev.portcullis.adapters.dynamodb;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/**
 * Creates the session table (for the CLI's {@code table create} and for tests): keys, the principal
 * index, on-demand billing, then TTL on {@value SessionTable#TTL_ATTRIBUTE}. Safe to run again on a
 * table that exists.
 */
public final class SessionTableAdmin {

  /** How long {@link #createTable()} waits for the table and its index to become active. */
  public static final Duration DEFAULT_WAIT = Duration.ofMinutes(5);

  /** Administrative calls are rare and slower than reads: they get their own, larger budget. */
  private static final Consumer<AwsRequestOverrideConfiguration.Builder> ADMIN_BUDGET =
      o -> o.apiCallTimeout(Duration.ofSeconds(20)).apiCallAttemptTimeout(Duration.ofSeconds(10));

  private static final Duration POLL_INTERVAL = Duration.ofMillis(250);

  private final DynamoDbClient client;
  private final String tableName;
  private final DynamoDbFailures failures;

  public SessionTableAdmin(DynamoDbClient client, DynamoDbSettings settings) {
    this.client = Objects.requireNonNull(client, "client");
    this.tableName = settings.tableName();
    this.failures =
        new DynamoDbFailures(DynamoDbSessionStore.BACKEND, tableName, settings.region());
  }

  /** What {@link #createTable()} did, in a sentence a person can read in {@link #summary()}. */
  public record TableSetup(String tableName, boolean created, boolean ttlEnabled, String summary) {}

  public TableSetup createTable() {
    return createTable(DEFAULT_WAIT);
  }

  /**
   * Creates the table unless it exists, waits until it and its index are active, then enables TTL.
   * A server without TTL support (dynalite) is tolerated and reported in the summary.
   *
   * @throws IllegalStateException when a table of that name exists with another key or no index
   */
  public TableSetup createTable(Duration waitAtMost) {
    boolean created = call("CreateTable", this::createUnlessExists);
    TableDescription table = call("DescribeTable", () -> awaitActive(waitAtMost));
    requireSessionShape(table);
    String ttl = call("UpdateTimeToLive", this::enableTimeToLive);
    boolean ttlEnabled = ttl.startsWith("enabled");
    String summary =
        (created ? "created table '" : "table '")
            + tableName
            + (created ? "'" : "' already existed")
            + " (key "
            + SessionTable.PARTITION_KEY
            + ", index "
            + SessionTable.BY_PRINCIPAL_INDEX
            + ", on-demand); TTL on "
            + SessionTable.TTL_ATTRIBUTE
            + ": "
            + ttl;
    return new TableSetup(tableName, created, ttlEnabled, summary);
  }

  private boolean createUnlessExists() {
    try {
      client.createTable(
          r ->
              r.tableName(tableName)
                  .billingMode(BillingMode.PAY_PER_REQUEST)
                  .attributeDefinitions(
                      attribute(SessionTable.PARTITION_KEY, ScalarAttributeType.S),
                      attribute(SessionTable.PRINCIPAL_ID, ScalarAttributeType.S),
                      attribute(SessionTable.EXPIRES_AT, ScalarAttributeType.N))
                  .keySchema(key(SessionTable.PARTITION_KEY, KeyType.HASH))
                  .globalSecondaryIndexes(
                      GlobalSecondaryIndex.builder()
                          .indexName(SessionTable.BY_PRINCIPAL_INDEX)
                          .keySchema(
                              key(SessionTable.PRINCIPAL_ID, KeyType.HASH),
                              key(SessionTable.EXPIRES_AT, KeyType.RANGE))
                          .projection(
                              Projection.builder().projectionType(ProjectionType.ALL).build())
                          .build())
                  .overrideConfiguration(ADMIN_BUDGET));
      return true;
    } catch (ResourceInUseException exists) {
      return false;
    }
  }

  private TableDescription awaitActive(Duration waitAtMost) {
    Instant deadline = Instant.now().plus(waitAtMost);
    while (true) {
      TableDescription table =
          client
              .describeTable(r -> r.tableName(tableName).overrideConfiguration(ADMIN_BUDGET))
              .table();
      if (isActive(table)) {
        return table;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException(
            "table '"
                + tableName
                + "' is still "
                + table.tableStatusAsString()
                + " after "
                + waitAtMost.toSeconds()
                + " s");
      }
      sleep(POLL_INTERVAL);
    }
  }

  private static boolean isActive(TableDescription table) {
    return table.tableStatus() == TableStatus.ACTIVE
        && table.globalSecondaryIndexes().stream()
            .map(GlobalSecondaryIndexDescription::indexStatus)
            .allMatch(status -> status == IndexStatus.ACTIVE);
  }

  private void requireSessionShape(TableDescription table) {
    List<KeySchemaElement> keys = table.keySchema();
    boolean keyMatches =
        keys.size() == 1 && keys.get(0).attributeName().equals(SessionTable.PARTITION_KEY);
    boolean indexExists =
        table.globalSecondaryIndexes().stream()
            .anyMatch(i -> i.indexName().equals(SessionTable.BY_PRINCIPAL_INDEX));
    if (!keyMatches || !indexExists) {
      throw new IllegalStateException(
          "table '"
              + tableName
              + "' exists but is not a Portcullis session table: it needs the partition key '"
              + SessionTable.PARTITION_KEY
              + "' alone and the index '"
              + SessionTable.BY_PRINCIPAL_INDEX
              + "'");
    }
  }

  private String enableTimeToLive() {
    TimeToLiveDescription current =
        client
            .describeTimeToLive(r -> r.tableName(tableName).overrideConfiguration(ADMIN_BUDGET))
            .timeToLiveDescription();
    TimeToLiveStatus status = current == null ? null : current.timeToLiveStatus();
    if (status == TimeToLiveStatus.ENABLED || status == TimeToLiveStatus.ENABLING) {
      return SessionTable.TTL_ATTRIBUTE.equals(current.attributeName())
          ? "enabled already"
          : "WARNING: TTL is enabled on '" + current.attributeName() + "' instead";
    }
    try {
      client.updateTimeToLive(
          r ->
              r.tableName(tableName)
                  .timeToLiveSpecification(
                      s -> s.attributeName(SessionTable.TTL_ATTRIBUTE).enabled(true))
                  .overrideConfiguration(ADMIN_BUDGET));
      return "enabled";
    } catch (AwsServiceException e) {
      if (isUnsupported(e)) {
        return "not supported by this server ("
            + e.awsErrorDetails().errorCode()
            + "); expired items stay until deleted, and Portcullis checks expiry itself";
      }
      throw e;
    }
  }

  private static boolean isUnsupported(AwsServiceException e) {
    return e.awsErrorDetails() != null
        && "UnknownOperationException".equals(e.awsErrorDetails().errorCode());
  }

  private <T> T call(String operation, Supplier<T> action) {
    try {
      return action.get();
    } catch (SdkException e) {
      throw failures.translate(operation, e);
    }
  }

  private static AttributeDefinition attribute(String name, ScalarAttributeType type) {
    return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
  }

  private static KeySchemaElement key(String name, KeyType type) {
    return KeySchemaElement.builder().attributeName(name).keyType(type).build();
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the table", e);
    }
  }
}
