package dev.portcullis.adapters.dynamodb;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.model.CreateTableEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.EnhancedGlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/**
 * Creates the session table (for the CLI's {@code table create} and for tests) through the Enhanced
 * Client, from the item's schema: the key, the principal index, on-demand billing; then TTL on
 * {@value SessionTable#TTL_ATTRIBUTE}, which only the low-level client offers. Safe to run again on
 * a table that exists. {@link #probe()} says whether a table is one the authorizer can use.
 */
public final class SessionTableAdmin {

  /** How long {@link #createTable()} waits for the table and its index to become active. */
  public static final Duration DEFAULT_WAIT = Duration.ofMinutes(5);

  /** The budget of one administrative call, every attempt included: see {@link #settings}. */
  public static final Duration CALL_TIMEOUT = Duration.ofSeconds(20);

  /** The budget of one attempt of an administrative call. */
  public static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(10);

  private static final Duration POLL_INTERVAL = Duration.ofMillis(250);

  private final DynamoDbClient client;
  private final DynamoDbTable<SessionItem> table;
  private final String tableName;
  private final DynamoDbFailures failures;

  /**
   * An administrator of {@code settings.tableName()} over {@code client}; build that client with
   * {@link #settings(DynamoDbSettings)}, since a table takes longer to create than a read to
   * answer.
   */
  public SessionTableAdmin(DynamoDbClient client, DynamoDbSettings settings) {
    this.client = Objects.requireNonNull(client, "client");
    this.tableName = settings.tableName();
    this.table = DynamoDbSessionStore.table(client, tableName);
    this.failures =
        new DynamoDbFailures(DynamoDbSessionStore.BACKEND, tableName, settings.region());
  }

  /** {@code settings} with the larger budget of administrative calls, which are rare and slow. */
  public static DynamoDbSettings settings(DynamoDbSettings settings) {
    return settings.withTimeouts(CALL_TIMEOUT, ATTEMPT_TIMEOUT);
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
    TableDescription description = call("DescribeTable", () -> awaitActive(waitAtMost));
    requireSessionShape(description);
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

  /** The schema gives the keys and their types; without provisioned throughput, on demand. */
  private boolean createUnlessExists() {
    try {
      table.createTable(
          CreateTableEnhancedRequest.builder()
              .globalSecondaryIndices(
                  EnhancedGlobalSecondaryIndex.builder()
                      .indexName(SessionTable.BY_PRINCIPAL_INDEX)
                      .projection(p -> p.projectionType(ProjectionType.ALL))
                      .build())
              .build());
      return true;
    } catch (ResourceInUseException exists) {
      return false;
    }
  }

  private TableDescription awaitActive(Duration waitAtMost) {
    Instant deadline = Instant.now().plus(waitAtMost);
    while (true) {
      TableDescription description = table.describeTable().table();
      if (isActive(description)) {
        return description;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException(
            "table '"
                + tableName
                + "' is still "
                + description.tableStatusAsString()
                + " after "
                + waitAtMost.toSeconds()
                + " s");
      }
      sleep(POLL_INTERVAL);
    }
  }

  /**
   * What {@code check} reports of the table: problems that would fail the authorizer (no table, or
   * one with another key or without the principal index) and warnings that would not (the table is
   * still being built, TTL is off or not on {@value SessionTable#TTL_ATTRIBUTE}). It reads and
   * changes nothing but the table's description.
   */
  public record Probe(List<String> problems, List<String> warnings) {
    public Probe {
      problems = List.copyOf(problems);
      warnings = List.copyOf(warnings);
    }
  }

  /**
   * Describes the table and its TTL with the low-level client's {@code DescribeTable} and {@code
   * DescribeTimeToLive}. A failure to reach DynamoDB is a problem, worded by the store's failure
   * messages: the table, the region and the cause.
   */
  public Probe probe() {
    return SessionTableProbe.probe(client, tableName, failures);
  }

  static boolean isActive(TableDescription description) {
    return description.tableStatus() == TableStatus.ACTIVE
        && description.globalSecondaryIndexes().stream()
            .map(GlobalSecondaryIndexDescription::indexStatus)
            .allMatch(status -> status == IndexStatus.ACTIVE);
  }

  private void requireSessionShape(TableDescription description) {
    if (!hasSessionKey(description) || principalIndex(description).isEmpty()) {
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
        client.describeTimeToLive(r -> r.tableName(tableName)).timeToLiveDescription();
    if (isTimeToLiveOn(current)) {
      return SessionTable.TTL_ATTRIBUTE.equals(current.attributeName())
          ? "enabled already"
          : "WARNING: TTL is enabled on '" + current.attributeName() + "' instead";
    }
    try {
      client.updateTimeToLive(
          r ->
              r.tableName(tableName)
                  .timeToLiveSpecification(
                      s -> s.attributeName(SessionTable.TTL_ATTRIBUTE).enabled(true)));
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

  /** True when the table's key is the session table's partition key alone. */
  static boolean hasSessionKey(TableDescription description) {
    List<KeySchemaElement> keys = description.keySchema();
    return keys.size() == 1 && keys.get(0).attributeName().equals(SessionTable.PARTITION_KEY);
  }

  /** The table's principal index, when it has one. */
  static Optional<GlobalSecondaryIndexDescription> principalIndex(TableDescription description) {
    return description.globalSecondaryIndexes().stream()
        .filter(index -> index.indexName().equals(SessionTable.BY_PRINCIPAL_INDEX))
        .findFirst();
  }

  /** True when TTL is on, or being turned on, for any attribute. */
  static boolean isTimeToLiveOn(TimeToLiveDescription ttl) {
    TimeToLiveStatus status = ttl == null ? null : ttl.timeToLiveStatus();
    return status == TimeToLiveStatus.ENABLED || status == TimeToLiveStatus.ENABLING;
  }

  static boolean isUnsupported(AwsServiceException e) {
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

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the table", e);
    }
  }
}
