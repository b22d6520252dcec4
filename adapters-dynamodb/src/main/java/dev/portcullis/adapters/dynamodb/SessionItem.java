package dev.portcullis.adapters.dynamodb;

import dev.portcullis.domain.model.Fingerprint;
import dev.portcullis.domain.model.Identity;
import dev.portcullis.domain.model.Session;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One row of the session table and its mapping to and from DynamoDB attribute maps; never leaves
 * the adapter.
 *
 * <p>Mapped by hand rather than by the Enhanced Client: its client and table schema cost 65 to 85
 * ms of cold start (docs/performance.md, "Ranked changes" item 3), and the read path runs once per
 * cold start. {@link #fromAttributes} uses plain loops, no lambda or stream, for the same reason.
 */
final class SessionItem {

  private String pk;
  private String principalId;
  private List<String> roles;
  private Map<String, String> attributes;
  private String apiKey;
  private String backend;
  private Instant issuedAt;
  private Instant expiresAt;
  private Instant revokedAt;

  private SessionItem() {}

  /** A row as a reader found it; any value may be null (absent). */
  SessionItem(
      String pk,
      String principalId,
      List<String> roles,
      Map<String, String> attributes,
      String apiKey,
      String backend,
      Instant issuedAt,
      Instant expiresAt,
      Instant revokedAt) {
    this.pk = pk;
    this.principalId = principalId;
    this.roles = roles;
    this.attributes = attributes;
    this.apiKey = apiKey;
    this.backend = backend;
    this.issuedAt = issuedAt;
    this.expiresAt = expiresAt;
    this.revokedAt = revokedAt;
  }

  static SessionItem from(Session session) {
    Identity identity = session.identity();
    SessionItem item = new SessionItem();
    item.pk = session.fingerprint().hex();
    item.principalId = identity.principalId();
    List<String> sortedRoles = new ArrayList<>(identity.roles());
    Collections.sort(sortedRoles);
    item.roles = List.copyOf(sortedRoles);
    item.attributes = identity.attributes();
    item.apiKey = identity.apiKey().orElse(null);
    item.backend = identity.backend();
    item.issuedAt = session.issuedAt();
    item.expiresAt = session.expiresAt();
    item.revokedAt = session.revokedAt().orElse(null);
    return item;
  }

  /**
   * The row DynamoDB returned. Absent and {@code NULL} attributes read as absent; an attribute of
   * the wrong type is refused.
   *
   * @throws IllegalArgumentException when an attribute has the wrong type or format
   */
  static SessionItem fromAttributes(Map<String, AttributeValue> row) {
    SessionItem item = new SessionItem();
    item.pk = string(row, SessionTable.PARTITION_KEY);
    item.principalId = string(row, SessionTable.PRINCIPAL_ID);
    item.roles = strings(row, SessionTable.ROLES);
    item.attributes = stringMap(row, SessionTable.ATTRIBUTES);
    item.apiKey = string(row, SessionTable.API_KEY);
    item.backend = string(row, SessionTable.BACKEND);
    item.issuedAt = instant(row, SessionTable.ISSUED_AT);
    item.expiresAt = instant(row, SessionTable.EXPIRES_AT);
    item.revokedAt = instant(row, SessionTable.REVOKED_AT);
    return item;
  }

  /** The row to write: the contract's names, instants as epoch seconds, absent values left out. */
  Map<String, AttributeValue> toAttributes() {
    Map<String, AttributeValue> row = new LinkedHashMap<>();
    putString(row, SessionTable.PARTITION_KEY, pk);
    putString(row, SessionTable.PRINCIPAL_ID, principalId);
    if (roles != null) {
      List<AttributeValue> list = new ArrayList<>(roles.size());
      for (String role : roles) {
        list.add(AttributeValue.fromS(role));
      }
      row.put(SessionTable.ROLES, AttributeValue.fromL(list));
    }
    if (attributes != null) {
      Map<String, AttributeValue> map = new LinkedHashMap<>();
      for (Map.Entry<String, String> entry : attributes.entrySet()) {
        map.put(entry.getKey(), AttributeValue.fromS(entry.getValue()));
      }
      row.put(SessionTable.ATTRIBUTES, AttributeValue.fromM(map));
    }
    putString(row, SessionTable.API_KEY, apiKey);
    putString(row, SessionTable.BACKEND, backend);
    putInstant(row, SessionTable.ISSUED_AT, issuedAt);
    putInstant(row, SessionTable.EXPIRES_AT, expiresAt);
    putInstant(row, SessionTable.REVOKED_AT, revokedAt);
    return row;
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

  private static AttributeValue present(Map<String, AttributeValue> row, String name) {
    AttributeValue value = row.get(name);
    return value == null || Boolean.TRUE.equals(value.nul()) ? null : value;
  }

  private static String string(Map<String, AttributeValue> row, String name) {
    AttributeValue value = present(row, name);
    if (value == null) {
      return null;
    }
    if (value.s() == null) {
      throw wrongType(name, "a string", value);
    }
    return value.s();
  }

  private static Instant instant(Map<String, AttributeValue> row, String name) {
    AttributeValue value = present(row, name);
    if (value == null) {
      return null;
    }
    return EpochSeconds.instant(name, value);
  }

  private static List<String> strings(Map<String, AttributeValue> row, String name) {
    AttributeValue value = present(row, name);
    if (value == null) {
      return null;
    }
    if (!value.hasL()) {
      throw wrongType(name, "a list of strings", value);
    }
    List<String> list = new ArrayList<>(value.l().size());
    for (AttributeValue element : value.l()) {
      if (element == null || element.s() == null) {
        throw new IllegalArgumentException(
            "attribute '" + name + "' must be a list of strings, and holds something else");
      }
      list.add(element.s());
    }
    return list;
  }

  private static Map<String, String> stringMap(Map<String, AttributeValue> row, String name) {
    AttributeValue value = present(row, name);
    if (value == null) {
      return null;
    }
    if (!value.hasM()) {
      throw wrongType(name, "a map of strings", value);
    }
    Map<String, String> map = new HashMap<>();
    for (Map.Entry<String, AttributeValue> entry : value.m().entrySet()) {
      AttributeValue element = entry.getValue();
      if (element == null || element.s() == null) {
        throw new IllegalArgumentException(
            "attribute '" + name + "' must be a map of strings, and holds something else");
      }
      map.put(entry.getKey(), element.s());
    }
    return map;
  }

  private static IllegalArgumentException wrongType(
      String name, String expected, AttributeValue value) {
    return new IllegalArgumentException(
        "attribute '" + name + "' must be " + expected + ", got type " + value.type());
  }

  private static void putString(Map<String, AttributeValue> row, String name, String value) {
    if (value != null) {
      row.put(name, AttributeValue.fromS(value));
    }
  }

  private static void putInstant(Map<String, AttributeValue> row, String name, Instant value) {
    if (value != null) {
      row.put(name, EpochSeconds.attributeValue(value));
    }
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
