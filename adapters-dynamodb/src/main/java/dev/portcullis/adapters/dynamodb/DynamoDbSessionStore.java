package dev.portcullis.adapters.dynamodb;

import dev.portcullis.domain.model.Fingerprint;
import dev.portcullis.domain.model.Session;
import dev.portcullis.domain.port.out.BackendUnavailableException;
import dev.portcullis.domain.port.out.SessionStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.Page;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Session store on a DynamoDB table, keyed by fingerprint (see {@link SessionTable}). Stores what
 * it is given and returns expired and revoked sessions as they are: expiry is the caller's to
 * judge, TTL deletes days late. Every failure to answer is a {@link BackendUnavailableException}.
 */
public final class DynamoDbSessionStore implements SessionStore {

  /**
   * The backend name on this store's failures, and on identities read from rows that carry none.
   */
  public static final String BACKEND = "dynamodb";

  private static final Expression NEW_ITEM_ONLY =
      Expression.builder()
          .expression("attribute_not_exists(#pk)")
          .putExpressionName("#pk", SessionTable.PARTITION_KEY)
          .build();

  private static final String REVOKE_ONCE = "SET #revokedAt = if_not_exists(#revokedAt, :at)";

  private static final String NOT_YET_REVOKED_AT =
      "(attribute_not_exists(#revokedAt) OR #revokedAt > :at)";

  private final DynamoDbClient client;
  private final DynamoDbTable<SessionItem> table;
  private final DynamoDbIndex<SessionItem> byPrincipal;
  private final String tableName;
  private final boolean consistentRead;
  private final Integer queryPageSize;
  private final DynamoDbFailures failures;

  /** A store over {@code settings.tableName()}, sharing {@code client} (built once per process). */
  public DynamoDbSessionStore(DynamoDbClient client, DynamoDbSettings settings) {
    this(client, settings, null);
  }

  /** As above, with query pages of at most {@code queryPageSize} items: a test's knob. */
  DynamoDbSessionStore(DynamoDbClient client, DynamoDbSettings settings, Integer queryPageSize) {
    this.client = Objects.requireNonNull(client, "client");
    Objects.requireNonNull(settings, "settings");
    this.tableName = settings.tableName();
    this.consistentRead = settings.consistentRead();
    this.queryPageSize = queryPageSize;
    this.failures = new DynamoDbFailures(BACKEND, tableName, settings.region());
    DynamoDbEnhancedClient enhanced =
        DynamoDbEnhancedClient.builder().dynamoDbClient(client).extensions().build();
    this.table = enhanced.table(tableName, SessionItem.SCHEMA);
    this.byPrincipal = table.index(SessionTable.BY_PRINCIPAL_INDEX);
  }

  @Override
  public boolean create(Session session) {
    SessionItem item = SessionItem.from(session);
    return call(
        "PutItem",
        () -> {
          try {
            table.putItem(
                PutItemEnhancedRequest.builder(SessionItem.class)
                    .item(item)
                    .conditionExpression(NEW_ITEM_ONLY)
                    .build());
            return true;
          } catch (ConditionalCheckFailedException taken) {
            // Either another session owns this fingerprint, or the SDK retried a put whose first
            // attempt was committed: only the latter is our session.
            SessionItem existing =
                table.getItem(
                    GetItemEnhancedRequest.builder()
                        .key(key(item.pk()))
                        .consistentRead(true)
                        .build());
            return existing != null && existing.isSameSessionAs(item);
          }
        });
  }

  @Override
  public Optional<Session> find(Fingerprint fingerprint) {
    Key key = key(fingerprint.hex());
    return call(
        "GetItem",
        () ->
            Optional.ofNullable(
                    table.getItem(
                        GetItemEnhancedRequest.builder()
                            .key(key)
                            .consistentRead(consistentRead)
                            .build()))
                .map(item -> item.toSession(BACKEND)));
  }

  @Override
  public boolean revoke(Fingerprint fingerprint, Instant at) {
    Objects.requireNonNull(at, "at");
    UpdateItemRequest request =
        update(fingerprint.hex(), at)
            .updateExpression(REVOKE_ONCE)
            .conditionExpression("attribute_exists(#pk)")
            .build();
    return call("UpdateItem", () -> conditionally(request));
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
    QueryEnhancedRequest notExpired =
        query(
            QueryConditional.sortGreaterThan(
                Key.builder()
                    .partitionValue(principalId)
                    .sortValue(EpochSeconds.attributeValue(at))
                    .build()),
            Expression.builder()
                .expression(NOT_YET_REVOKED_AT)
                .putExpressionName("#revokedAt", SessionTable.REVOKED_AT)
                .putExpressionValue(":at", EpochSeconds.attributeValue(at))
                .build());
    return call(
        "Query",
        () -> {
          int revoked = 0;
          for (Page<SessionItem> page : byPrincipal.query(notExpired)) {
            for (SessionItem item : page.items()) {
              if (revokeIfLive(item.pk(), at)) {
                revoked++;
              }
            }
          }
          return revoked;
        });
  }

  @Override
  public List<Session> listByPrincipal(String principalId) {
    Objects.requireNonNull(principalId, "principalId");
    if (principalId.isEmpty()) {
      return List.of();
    }
    QueryEnhancedRequest all =
        query(QueryConditional.keyEqualTo(Key.builder().partitionValue(principalId).build()), null);
    return call(
        "Query",
        () -> {
          List<Session> sessions = new ArrayList<>();
          for (Page<SessionItem> page : byPrincipal.query(all)) {
            for (SessionItem item : page.items()) {
              sessions.add(item.toSession(BACKEND));
            }
          }
          return List.copyOf(sessions);
        });
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
      client.updateItem(request);
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

  private QueryEnhancedRequest query(QueryConditional condition, Expression filter) {
    return QueryEnhancedRequest.builder()
        .queryConditional(condition)
        .filterExpression(filter)
        .limit(queryPageSize)
        .build();
  }

  private static Key key(String pk) {
    return Key.builder().partitionValue(pk).build();
  }

  private <T> T call(String operation, Supplier<T> action) {
    try {
      return action.get();
    } catch (SdkException e) {
      throw failures.translate(operation, e);
    } catch (IllegalArgumentException | IllegalStateException e) {
      // The only other failures inside a call: a row the mapper or the domain cannot accept.
      throw failures.malformed(operation, e);
    }
  }
}
