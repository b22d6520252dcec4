package dev.portcullis.adapters.dynamodb;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

import dev.portcullis.domain.model.Fingerprint;
import dev.portcullis.domain.model.Identity;
import dev.portcullis.domain.model.Session;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/** One row of the session table, as the Enhanced Client maps it; never leaves the adapter. */
final class SessionItem {

  /** Built once per process, by hand: no bean introspection at cold start. */
  static final TableSchema<SessionItem> SCHEMA =
      StaticTableSchema.builder(SessionItem.class)
          .newItemSupplier(SessionItem::new)
          .addAttribute(
              String.class,
              a ->
                  a.name(SessionTable.PARTITION_KEY)
                      .getter(i -> i.pk)
                      .setter((i, v) -> i.pk = v)
                      .tags(primaryPartitionKey()))
          .addAttribute(
              String.class,
              a ->
                  a.name(SessionTable.PRINCIPAL_ID)
                      .getter(i -> i.principalId)
                      .setter((i, v) -> i.principalId = v)
                      .tags(secondaryPartitionKey(SessionTable.BY_PRINCIPAL_INDEX)))
          .addAttribute(
              EnhancedType.listOf(String.class),
              a -> a.name(SessionTable.ROLES).getter(i -> i.roles).setter((i, v) -> i.roles = v))
          .addAttribute(
              EnhancedType.mapOf(String.class, String.class),
              a ->
                  a.name(SessionTable.ATTRIBUTES)
                      .getter(i -> i.attributes)
                      .setter((i, v) -> i.attributes = v))
          .addAttribute(
              String.class,
              a ->
                  a.name(SessionTable.API_KEY).getter(i -> i.apiKey).setter((i, v) -> i.apiKey = v))
          .addAttribute(
              String.class,
              a ->
                  a.name(SessionTable.BACKEND)
                      .getter(i -> i.backend)
                      .setter((i, v) -> i.backend = v))
          .addAttribute(
              Instant.class,
              a ->
                  a.name(SessionTable.ISSUED_AT)
                      .getter(i -> i.issuedAt)
                      .setter((i, v) -> i.issuedAt = v)
                      .attributeConverter(EpochSeconds.INSTANCE))
          .addAttribute(
              Instant.class,
              a ->
                  a.name(SessionTable.EXPIRES_AT)
                      .getter(i -> i.expiresAt)
                      .setter((i, v) -> i.expiresAt = v)
                      .attributeConverter(EpochSeconds.INSTANCE)
                      .tags(secondarySortKey(SessionTable.BY_PRINCIPAL_INDEX)))
          .addAttribute(
              Instant.class,
              a ->
                  a.name(SessionTable.REVOKED_AT)
                      .getter(i -> i.revokedAt)
                      .setter((i, v) -> i.revokedAt = v)
                      .attributeConverter(EpochSeconds.INSTANCE))
          .build();

  private String pk;
  private String principalId;
  private List<String> roles;
  private Map<String, String> attributes;
  private String apiKey;
  private String backend;
  private Instant issuedAt;
  private Instant expiresAt;
  private Instant revokedAt;

  static SessionItem from(Session session) {
    Identity identity = session.identity();
    SessionItem item = new SessionItem();
    item.pk = session.fingerprint().hex();
    item.principalId = identity.principalId();
    item.roles = identity.roles().stream().sorted().toList();
    item.attributes = identity.attributes();
    item.apiKey = identity.apiKey().orElse(null);
    item.backend = identity.backend();
    item.issuedAt = session.issuedAt();
    item.expiresAt = session.expiresAt();
    item.revokedAt = session.revokedAt().orElse(null);
    return item;
  }

  /**
   * The domain session this row holds; a row written without a backend name gets {@code
   * defaultBackend}.
   *
   * @throws IllegalArgumentException when the row is not a well-formed session
   */
  Session toSession(String defaultBackend) {
    require(pk, SessionTable.PARTITION_KEY);
    require(principalId, SessionTable.PRINCIPAL_ID);
    require(issuedAt, SessionTable.ISSUED_AT);
    require(expiresAt, SessionTable.EXPIRES_AT);
    Identity identity =
        new Identity(
            principalId,
            roles == null ? Set.of() : Set.copyOf(roles),
            attributes == null ? Map.of() : attributes,
            expiresAt,
            backend == null ? defaultBackend : backend,
            Optional.ofNullable(apiKey));
    return new Session(new Fingerprint(pk), identity, issuedAt, Optional.ofNullable(revokedAt));
  }

  /**
   * True when {@code other} holds exactly this session, revocation included: what a retried create
   * finds when its first attempt was committed. A session revoked since is no longer "ours".
   */
  boolean isSameSessionAs(SessionItem other) {
    return pk.equals(other.pk)
        && principalId.equals(other.principalId)
        && issuedAt.equals(other.issuedAt)
        && expiresAt.equals(other.expiresAt)
        && Objects.equals(revokedAt, other.revokedAt)
        && Objects.equals(Set.copyOf(orEmpty(roles)), Set.copyOf(orEmpty(other.roles)))
        && Objects.equals(orEmpty(attributes), orEmpty(other.attributes))
        && Objects.equals(apiKey, other.apiKey)
        && Objects.equals(backend, other.backend);
  }

  String pk() {
    return pk;
  }

  private static List<String> orEmpty(List<String> list) {
    return list == null ? List.of() : list;
  }

  private static Map<String, String> orEmpty(Map<String, String> map) {
    return map == null ? Map.of() : map;
  }

  private static void require(Object value, String attribute) {
    if (value == null) {
      throw new IllegalArgumentException("attribute '" + attribute + "' is missing");
    }
  }
}
