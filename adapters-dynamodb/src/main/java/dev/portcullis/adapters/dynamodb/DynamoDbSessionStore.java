package dev.portcullis.adapters.dynamodb;

import dev.portcullis.domain.model.Fingerprint;
import dev.portcullis.domain.model.Session;
import dev.portcullis.domain.port.out.BackendUnavailableException;
import dev.portcullis.domain.port.out.SessionStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
import software.amazon.awssdk.enhanced.dynamodb.model.IgnoreNullsMode;
import software.amazon.awssdk.enhanced.dynamodb.model.Page;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.UpdateItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Session store on a DynamoDB table, keyed by fingerprint (see {@link SessionTable}), through the
 * Enhanced Client and one static {@link SessionItem#SCHEMA}. Stores what it is given and returns
 * expired and revoked sessions as they are: expiry is the caller's to judge, TTL deletes days late.
 * Every failure to answer, a malformed row included, is a {@link BackendUnavailableException}.
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

  private static final Expression NOT_REVOKED_YET =
      Expression.builder()
          .expression("attribute_exists(#pk) AND attribute_not_exists(#revokedAt)")
          .putExpressionName("#pk", SessionTable.PARTITION_KEY)
          .putExpressionName("#revokedAt", SessionTable.REVOKED_AT)
          .build();

  /** Not revoked, or revoked only after {@code :at}. */
  private static final String NOT_REVOKED_BY =
      "(attribute_not_exists(#revokedAt) OR #revokedAt > :at)";

  private final DynamoDbTable<SessionItem> table;
  private final DynamoDbIndex<SessionItem> byPrincipal;
  private final boolean consistentRead;
  private final DynamoDbFailures failures;

  /**
   * A store over {@code settings.tableName()} that shares {@code client}, built once per process
   * (see {@link DynamoDbClientFactory}).
   */
  public DynamoDbSessionStore(DynamoDbClient client, DynamoDbSettings settings) {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(settings, "settings");
    this.table = table(client, settings.tableName());
    this.byPrincipal = table.index(SessionTable.BY_PRINCIPAL_INDEX);
    this.consistentRead = settings.consistentRead();
    this.failures = new DynamoDbFailures(BACKEND, settings.tableName(), settings.region());
  }

  /**
   * The store with its own client, built by {@link DynamoDbClientFactory#create(DynamoDbSettings)}
   * with the credentials that suit where the process runs. Build it once per process.
   */
  public static DynamoDbSessionStore create(DynamoDbSettings settings) {
    return new DynamoDbSessionStore(DynamoDbClientFactory.create(settings), settings);
  }

  /**
   * The session table through the Enhanced Client, with no extension: the schema has no version or
   * counter attribute for one to maintain.
   */
  static DynamoDbTable<SessionItem> table(DynamoDbClient client, String tableName) {
    return DynamoDbEnhancedClient.builder()
        .dynamoDbClient(client)
        .extensions()
        .build()
        .table(tableName, SessionItem.SCHEMA);
  }

  @Override
  public boolean create(Session session) {
    PutItemEnhancedRequest<SessionItem> newItemOnly =
        PutItemEnhancedRequest.builder(SessionItem.class)
            .item(SessionItem.from(session))
            .conditionExpression(NEW_ITEM_ONLY)
            .build();
    return call(
        "PutItem",
        () -> {
          try {
            table.putItem(newItemOnly);
            return true;
          } catch (ConditionalCheckFailedException taken) {
            // Either another session owns this fingerprint, or the SDK retried a put whose first
            // attempt was committed: only the latter is this very session.
            SessionItem existing = get(session.fingerprint(), true);
            return existing != null && existing.toSession(BACKEND).equals(session);
          }
        });
  }

  @Override
  public Optional<Session> find(Fingerprint fingerprint) {
    return call(
        "GetItem",
        () -> {
          SessionItem item = get(fingerprint, consistentRead);
          return item == null ? Optional.empty() : Optional.of(item.toSession(BACKEND));
        });
  }

  /**
   * Sets {@code revokedAt} on a session not revoked yet; when the condition fails, a strongly
   * consistent read tells a session revoked before (true, its first instant kept) from none.
   */
  @Override
  public boolean revoke(Fingerprint fingerprint, Instant at) {
    Objects.requireNonNull(at, "at");
    return call(
        "UpdateItem",
        () -> updateIf(fingerprint.hex(), at, NOT_REVOKED_YET) || get(fingerprint, true) != null);
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
        QueryEnhancedRequest.builder()
            .queryConditional(
                QueryConditional.sortGreaterThan(
                    Key.builder()
                        .partitionValue(principalId)
                        .sortValue(EpochSeconds.attributeValue(at))
                        .build()))
            .filterExpression(
                Expression.builder()
                    .expression(NOT_REVOKED_BY)
                    .putExpressionName("#revokedAt", SessionTable.REVOKED_AT)
                    .putExpressionValue(":at", EpochSeconds.attributeValue(at))
                    .build())
            .attributesToProject(SessionTable.PARTITION_KEY)
            .build();
    Expression stillLive =
        Expression.builder()
            .expression("attribute_exists(#pk) AND #expiresAt > :at AND " + NOT_REVOKED_BY)
            .putExpressionName("#pk", SessionTable.PARTITION_KEY)
            .putExpressionName("#expiresAt", SessionTable.EXPIRES_AT)
            .putExpressionName("#revokedAt", SessionTable.REVOKED_AT)
            .putExpressionValue(":at", EpochSeconds.attributeValue(at))
            .build();
    return call(
        "Query",
        () -> {
          int revoked = 0;
          for (Page<SessionItem> page : byPrincipal.query(notExpired)) {
            for (SessionItem item : page.items()) {
              if (updateIf(item.pk(), at, stillLive)) {
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
        QueryEnhancedRequest.builder()
            .queryConditional(
                QueryConditional.keyEqualTo(Key.builder().partitionValue(principalId).build()))
            .build();
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

  /**
   * The row stored under {@code fingerprint}, or null. A row whose key is another fingerprint can
   * only come from a broken table or something between here and it, and is refused.
   */
  private SessionItem get(Fingerprint fingerprint, boolean consistent) {
    SessionItem item =
        table.getItem(
            GetItemEnhancedRequest.builder()
                .key(Key.builder().partitionValue(fingerprint.hex()).build())
                .consistentRead(consistent)
                .build());
    if (item != null && !fingerprint.hex().equals(item.pk())) {
      throw new MalformedItemException(
          "attribute '" + SessionTable.PARTITION_KEY + "' is not the fingerprint asked for");
    }
    return item;
  }

  /**
   * Sets {@code revokedAt} to {@code at} on the row under {@code pk} if {@code condition} holds.
   */
  private boolean updateIf(String pk, Instant at, Expression condition) {
    try {
      table.updateItem(
          UpdateItemEnhancedRequest.builder(SessionItem.class)
              .item(SessionItem.revocation(pk, at))
              .ignoreNullsMode(IgnoreNullsMode.SCALAR_ONLY)
              .conditionExpression(condition)
              .returnValues(ReturnValue.NONE)
              .build());
      return true;
    } catch (ConditionalCheckFailedException notApplicable) {
      return false;
    }
  }

  private <T> T call(String operation, Supplier<T> action) {
    try {
      return action.get();
    } catch (SdkException e) {
      throw failures.translate(operation, e);
    } catch (MalformedItemException e) {
      throw failures.malformed(operation, e);
    }
  }
}
