package dev.portcullis.adapters.dynamodb;

import dev.portcullis.domain.model.Fingerprint;
import dev.portcullis.domain.model.Session;
import dev.portcullis.domain.port.out.BackendUnavailableException;
import dev.portcullis.domain.port.out.SessionStore;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Session store on a DynamoDB table, keyed by fingerprint (see {@link SessionTable}). Stores what
 * it is given and returns expired and revoked sessions as they are: expiry is the caller's to
 * judge, TTL deletes days late. Every failure to answer is a {@link BackendUnavailableException}.
 *
 * <p>It speaks to the SDK's low-level client with a hand-written mapping ({@link SessionItem}): the
 * Enhanced Client cost 65 to 85 ms of cold start for four request shapes.
 */
public final class DynamoDbSessionStore implements SessionStore {

  /**
   * The backend name on this store's failures, and on identities read from rows that carry none.
   */
  public static final String BACKEND = "dynamodb";

  private static final String NEW_ITEM_ONLY = "attribute_not_exists(#pk)";

  private static final String REVOKE_ONCE = "SET #revokedAt = if_not_exists(#revokedAt, :at)";

  private static final String NOT_YET_REVOKED_AT =
      "(attribute_not_exists(#revokedAt) OR #revokedAt > :at)";

  private final SdkClientHolder clients;
  private final DynamoDbSessionReader reader;
  private final String tableName;
  private final boolean consistentRead;
  private final Integer queryPageSize;
  private final DynamoDbFailures failures;

  /**
   * A store over {@code settings.tableName()}, sharing {@code client} (built once per process) for
   * every call, reads included.
   */
  public DynamoDbSessionStore(DynamoDbClient client, DynamoDbSettings settings) {
    this(client, settings, null);
  }

  /** As above, with query pages of at most {@code queryPageSize} items: a test's knob. */
  DynamoDbSessionStore(DynamoDbClient client, DynamoDbSettings settings, Integer queryPageSize) {
    this(SdkClientHolder.of(client), null, settings, queryPageSize);
  }

  private DynamoDbSessionStore(
      SdkClientHolder clients,
      DynamoDbSessionReader reader,
      DynamoDbSettings settings,
      Integer queryPageSize) {
    this.clients = clients;
    this.reader = reader;
    Objects.requireNonNull(settings, "settings");
    this.tableName = settings.tableName();
    this.consistentRead = settings.consistentRead();
    this.queryPageSize = queryPageSize;
    this.failures = new DynamoDbFailures(BACKEND, tableName, settings.region());
  }

  /**
   * The store for a process that mostly reads, such as the Lambda authorizer: {@link #find} sends
   * its signed {@code GetItem} over {@code HttpURLConnection} ({@link DynamoDbSessionReader}), and
   * the SDK client is built on the first write, revocation or query. Where the reader cannot
   * resolve the endpoint itself (FIPS, dual-stack, isolated partitions), reads go through the SDK
   * client too. Credentials as {@link DynamoDbClientFactory#create(DynamoDbSettings)} chooses them.
   */
  public static DynamoDbSessionStore create(DynamoDbSettings settings) {
    Map<String, String> environment = System.getenv();
    return create(settings, DynamoDbClientFactory.credentials(environment), environment);
  }

  /** As above, with the given credentials and environment: for tests. */
  static DynamoDbSessionStore create(
      DynamoDbSettings settings,
      AwsCredentialsProvider credentials,
      Map<String, String> environment) {
    URI endpoint = DynamoDbSessionReader.endpoint(settings, environment);
    DynamoDbSessionReader reader =
        endpoint == null ? null : new DynamoDbSessionReader(settings, endpoint, credentials);
    return new DynamoDbSessionStore(
        SdkClientHolder.lazy(settings, credentials), reader, settings, null);
  }

  /** Whether {@link #find} reads without the SDK client. */
  boolean readsWithoutSdk() {
    return reader != null;
  }

  @Override
  public boolean create(Session session) {
    SessionItem item = SessionItem.from(session);
    PutItemRequest request =
        PutItemRequest.builder()
            .tableName(tableName)
            .item(item.toAttributes())
            .conditionExpression(NEW_ITEM_ONLY)
            .expressionAttributeNames(Map.of("#pk", SessionTable.PARTITION_KEY))
            .build();
    try {
      clients.get().putItem(request);
      return true;
    } catch (ConditionalCheckFailedException taken) {
      // Either another session owns this fingerprint, or the SDK retried a put whose first
      // attempt was committed: only the latter is our session.
      Map<String, AttributeValue> existing = getItem("PutItem", item.pk(), true);
      return existing != null && read("PutItem", existing).isSameSessionAs(item);
    } catch (SdkException e) {
      throw failures.translate("PutItem", e);
    }
  }

  /** The read of every authorization: no lambda, no stream, one request object (cold start). */
  @Override
  public Optional<Session> find(Fingerprint fingerprint) {
    if (reader != null) {
      return reader.find(fingerprint);
    }
    Map<String, AttributeValue> row = getItem("GetItem", fingerprint.hex(), consistentRead);
    if (row == null) {
      return Optional.empty();
    }
    return Optional.of(toSession("GetItem", row));
  }

  @Override
  public boolean revoke(Fingerprint fingerprint, Instant at) {
    Objects.requireNonNull(at, "at");
    UpdateItemRequest request =
        update(fingerprint.hex(), at)
            .updateExpression(REVOKE_ONCE)
            .conditionExpression("attribute_exists(#pk)")
            .build();
    try {
      return conditionally(request);
    } catch (SdkException e) {
      throw failures.translate("UpdateItem", e);
    }
  }

  /**
   * Queries the principal's index for sessions not yet expired at {@code at}, then revokes each one
   * that is still live with a conditional update on the table itself. The index is eventually
   * consistent: a session created a moment before may be missed; calling again catches it.
   */
  @Override
  public int revokeAll(String principalId, Instant at) {
    Objects.requireNonNull(principalId, "principalId");
    Objects.requireNonNull(at, "at");
    if (principalId.isEmpty()) {
      return 0;
    }
    QueryRequest.Builder notExpired =
        query()
            .keyConditionExpression("#principalId = :principalId AND #expiresAt > :at")
            .filterExpression(NOT_YET_REVOKED_AT)
            .expressionAttributeNames(
                Map.of(
                    "#principalId", SessionTable.PRINCIPAL_ID,
                    "#expiresAt", SessionTable.EXPIRES_AT,
                    "#revokedAt", SessionTable.REVOKED_AT))
            .expressionAttributeValues(
                Map.of(
                    ":principalId",
                    AttributeValue.fromS(principalId),
                    ":at",
                    EpochSeconds.attributeValue(at)));
    try {
      int revoked = 0;
      Map<String, AttributeValue> start = null;
      do {
        QueryResponse page = clients.get().query(notExpired.exclusiveStartKey(start).build());
        for (Map<String, AttributeValue> row : page.items()) {
          if (revokeIfLive(read("Query", row).pk(), at)) {
            revoked++;
          }
        }
        start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
      } while (start != null && !start.isEmpty());
      return revoked;
    } catch (SdkException e) {
      throw failures.translate("Query", e);
    }
  }

  @Override
  public List<Session> listByPrincipal(String principalId) {
    Objects.requireNonNull(principalId, "principalId");
    if (principalId.isEmpty()) {
      return List.of();
    }
    QueryRequest.Builder all =
        query()
            .keyConditionExpression("#principalId = :principalId")
            .expressionAttributeNames(Map.of("#principalId", SessionTable.PRINCIPAL_ID))
            .expressionAttributeValues(Map.of(":principalId", AttributeValue.fromS(principalId)));
    try {
      List<Session> sessions = new ArrayList<>();
      Map<String, AttributeValue> start = null;
      do {
        QueryResponse page = clients.get().query(all.exclusiveStartKey(start).build());
        for (Map<String, AttributeValue> row : page.items()) {
          sessions.add(toSession("Query", row));
        }
        start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
      } while (start != null && !start.isEmpty());
      return List.copyOf(sessions);
    } catch (SdkException e) {
      throw failures.translate("Query", e);
    }
  }

  /** The item under {@code pk}, or null when there is none. */
  private Map<String, AttributeValue> getItem(String operation, String pk, boolean consistent) {
    GetItemRequest request =
        GetItemRequest.builder()
            .tableName(tableName)
            .key(Map.of(SessionTable.PARTITION_KEY, AttributeValue.fromS(pk)))
            .consistentRead(consistent)
            .build();
    GetItemResponse response;
    try {
      response = clients.get().getItem(request);
    } catch (SdkException e) {
      throw failures.translate(operation, e);
    }
    return response.hasItem() && !response.item().isEmpty() ? response.item() : null;
  }

  /** Revokes at {@code at} unless the session has expired or was revoked by then. */
  private boolean revokeIfLive(String pk, Instant at) {
    return conditionally(
        update(pk, at)
            .updateExpression("SET #revokedAt = :at")
            .conditionExpression(
                "attribute_exists(#pk) AND #expiresAt > :at AND " + NOT_YET_REVOKED_AT)
            .expressionAttributeNames(
                Map.of(
                    "#pk", SessionTable.PARTITION_KEY,
                    "#revokedAt", SessionTable.REVOKED_AT,
                    "#expiresAt", SessionTable.EXPIRES_AT))
            .build());
  }

  private boolean conditionally(UpdateItemRequest request) {
    try {
      clients.get().updateItem(request);
      return true;
    } catch (ConditionalCheckFailedException notApplicable) {
      return false;
    }
  }

  private UpdateItemRequest.Builder update(String pk, Instant at) {
    return UpdateItemRequest.builder()
        .tableName(tableName)
        .key(Map.of(SessionTable.PARTITION_KEY, AttributeValue.fromS(pk)))
        .expressionAttributeNames(
            Map.of("#pk", SessionTable.PARTITION_KEY, "#revokedAt", SessionTable.REVOKED_AT))
        .expressionAttributeValues(Map.of(":at", EpochSeconds.attributeValue(at)));
  }

  private QueryRequest.Builder query() {
    return QueryRequest.builder()
        .tableName(tableName)
        .indexName(SessionTable.BY_PRINCIPAL_INDEX)
        .limit(queryPageSize);
  }

  /** A row the mapper or the domain cannot accept fails the call, never passes for "not found". */
  private SessionItem read(String operation, Map<String, AttributeValue> row) {
    try {
      return SessionItem.fromAttributes(row);
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw failures.malformed(operation, e);
    }
  }

  private Session toSession(String operation, Map<String, AttributeValue> row) {
    try {
      return SessionItem.fromAttributes(row).toSession(BACKEND);
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw failures.malformed(operation, e);
    }
  }
}
