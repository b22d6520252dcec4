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
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticImmutableTableSchema;

/**
 * One row of the session table, as the Enhanced Client maps it with {@link #SCHEMA}; never leaves
 * the adapter. A null component is an attribute the row does not hold (absent or {@code NULL}).
 */
record SessionItem(
    String pk,
    String principalId,
    List<String> roles,
    Map<String, String> attributes,
    String apiKey,
    String backend,
    Instant issuedAt,
    Instant expiresAt,
    Instant revokedAt) {

  /**
   * The table schema, built once from the attributes declared below: no bean introspection. Every
   * attribute has the name {@link SessionTable} gives it and a converter that refuses any other
   * type than its own.
   */
  static final TableSchema<SessionItem> SCHEMA =
      StaticImmutableTableSchema.builder(SessionItem.class, Builder.class)
          .newItemBuilder(Builder::new, Builder::build)
          .addAttribute(
              String.class,
              a ->
                  a.name(SessionTable.PARTITION_KEY)
                      .getter(SessionItem::pk)
                      .setter(Builder::pk)
                      .attributeConverter(StringConverters.string(SessionTable.PARTITION_KEY))
                      .tags(primaryPartitionKey()))
          .addAttribute(
              String.class,
              a ->
                  a.name(SessionTable.PRINCIPAL_ID)
                      .getter(SessionItem::principalId)
                      .setter(Builder::principalId)
                      .attributeConverter(StringConverters.string(SessionTable.PRINCIPAL_ID))
                      .tags(secondaryPartitionKey(SessionTable.BY_PRINCIPAL_INDEX)))
          .addAttribute(
              EnhancedType.listOf(String.class),
              a ->
                  a.name(SessionTable.ROLES)
                      .getter(SessionItem::roles)
                      .setter(Builder::roles)
                      .attributeConverter(StringConverters.list(SessionTable.ROLES)))
          .addAttribute(
              EnhancedType.mapOf(String.class, String.class),
              a ->
                  a.name(SessionTable.ATTRIBUTES)
                      .getter(SessionItem::attributes)
                      .setter(Builder::attributes)
                      .attributeConverter(StringConverters.map(SessionTable.ATTRIBUTES)))
          .addAttribute(
              String.class,
              a ->
                  a.name(SessionTable.API_KEY)
                      .getter(SessionItem::apiKey)
                      .setter(Builder::apiKey)
                      .attributeConverter(StringConverters.string(SessionTable.API_KEY)))
          .addAttribute(
              String.class,
              a ->
                  a.name(SessionTable.BACKEND)
                      .getter(SessionItem::backend)
                      .setter(Builder::backend)
                      .attributeConverter(StringConverters.string(SessionTable.BACKEND)))
          .addAttribute(
              Instant.class,
              a ->
                  a.name(SessionTable.ISSUED_AT)
                      .getter(SessionItem::issuedAt)
                      .setter(Builder::issuedAt)
                      .attributeConverter(new EpochSeconds(SessionTable.ISSUED_AT)))
          .addAttribute(
              Instant.class,
              a ->
                  a.name(SessionTable.EXPIRES_AT)
                      .getter(SessionItem::expiresAt)
                      .setter(Builder::expiresAt)
                      .attributeConverter(new EpochSeconds(SessionTable.EXPIRES_AT))
                      .tags(secondarySortKey(SessionTable.BY_PRINCIPAL_INDEX)))
          .addAttribute(
              Instant.class,
              a ->
                  a.name(SessionTable.REVOKED_AT)
                      .getter(SessionItem::revokedAt)
                      .setter(Builder::revokedAt)
                      .attributeConverter(new EpochSeconds(SessionTable.REVOKED_AT)))
          .build();

  /** The row that stores {@code session}: roles sorted, absent API key and revocation left out. */
  static SessionItem from(Session session) {
    Identity identity = session.identity();
    return new SessionItem(
        session.fingerprint().hex(),
        identity.principalId(),
        identity.roles().stream().sorted().toList(),
        identity.attributes(),
        identity.apiKey().orElse(null),
        identity.backend(),
        session.issuedAt(),
        session.expiresAt(),
        session.revokedAt().orElse(null));
  }

  /**
   * The key and the revocation instant alone: written by an update that ignores null attributes, it
   * sets {@code revokedAt} and leaves the rest of the row as it is.
   */
  static SessionItem revocation(String pk, Instant revokedAt) {
    return new SessionItem(pk, null, null, null, null, null, null, null, revokedAt);
  }

  /**
   * The domain session this row holds; a row written without a backend name gets {@code
   * defaultBackend}.
   *
   * @throws MalformedItemException when the row is not a well-formed session
   */
  Session toSession(String defaultBackend) {
    require(pk, SessionTable.PARTITION_KEY);
    require(principalId, SessionTable.PRINCIPAL_ID);
    require(issuedAt, SessionTable.ISSUED_AT);
    require(expiresAt, SessionTable.EXPIRES_AT);
    try {
      Identity identity =
          new Identity(
              principalId,
              roles == null ? Set.of() : Set.copyOf(roles),
              attributes == null ? Map.of() : attributes,
              expiresAt,
              backend == null ? defaultBackend : backend,
              Optional.ofNullable(apiKey));
      return new Session(new Fingerprint(pk), identity, issuedAt, Optional.ofNullable(revokedAt));
    } catch (IllegalArgumentException e) {
      throw new MalformedItemException(e.getMessage(), e);
    }
  }

  private static void require(Object value, String attribute) {
    if (value == null) {
      throw new MalformedItemException("attribute '" + attribute + "' is missing");
    }
  }

  /** Collects a row's attributes as the Enhanced Client reads them, then makes the item. */
  static final class Builder {

    private String pk;
    private String principalId;
    private List<String> roles;
    private Map<String, String> attributes;
    private String apiKey;
    private String backend;
    private Instant issuedAt;
    private Instant expiresAt;
    private Instant revokedAt;

    void pk(String value) {
      pk = value;
    }

    void principalId(String value) {
      principalId = value;
    }

    void roles(List<String> value) {
      roles = value;
    }

    void attributes(Map<String, String> value) {
      attributes = value;
    }

    void apiKey(String value) {
      apiKey = value;
    }

    void backend(String value) {
      backend = value;
    }

    void issuedAt(Instant value) {
      issuedAt = value;
    }

    void expiresAt(Instant value) {
      expiresAt = value;
    }

    void revokedAt(Instant value) {
      revokedAt = value;
    }

    SessionItem build() {
      return new SessionItem(
          pk, principalId, roles, attributes, apiKey, backend, issuedAt, expiresAt, revokedAt);
    }
  }
}
