package dev.portcullis.adapters.inmemory;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Walks a seed file's JSON with the streaming parser: its shape, each field's JSON type and the
 * JSON path of every value. It hands each value to {@link SeedChecks} as it meets it, so that the
 * problems come in the order of the file.
 */
final class SeedJson {

  /** The fields a session may have, in the order messages list them. */
  static final Set<String> FIELDS =
      new LinkedHashSet<>(
          List.of(
              "token", "principalId", "roles", "expiresAt", "attributes", "apiKey", "issuedAt"));

  private static final int SHOWN_NAME_LENGTH = 40;

  private final JsonParser parser;
  private final SeedChecks checks;

  SeedJson(JsonParser parser, SeedChecks checks) {
    this.parser = parser;
    this.checks = checks;
  }

  /** Reads {@code {"sessions": [...]}} and nothing after it. */
  void readRoot() throws IOException {
    JsonToken first = parser.nextToken();
    if (first == null) {
      checks.problem("the file is empty: expected {\"sessions\": [...]}");
      return;
    }
    if (first != JsonToken.START_OBJECT) {
      checks.problem("expected a JSON object {\"sessions\": [...]}");
      return;
    }
    boolean seen = false;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      parser.nextToken();
      if (field.equals("sessions")) {
        seen = true;
        readSessions();
      } else {
        checks.problem(shown(field) + ": unknown field, expected \"sessions\"");
        parser.skipChildren();
      }
    }
    if (!seen) {
      checks.problem("sessions: missing, expected a list of sessions");
    }
    if (parser.nextToken() != null) {
      checks.problem("unexpected content after the top-level object");
    }
  }

  private void readSessions() throws IOException {
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      checks.problem("sessions: not a list");
      parser.skipChildren();
      return;
    }
    int index = 0;
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      readSession("sessions[" + index++ + "]");
    }
  }

  private void readSession(String path) throws IOException {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      checks.problem(path + ": not an object");
      parser.skipChildren();
      return;
    }
    int problemsBefore = checks.problems().size();
    Set<String> present = new HashSet<>();
    String token = null;
    String principalId = null;
    Set<String> roles = null;
    Instant expiresAt = null;
    Instant issuedAt = null;
    Map<String, String> attributes = Map.of();
    String apiKey = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      String fieldPath = path + "." + shown(field);
      parser.nextToken();
      if (!FIELDS.contains(field)) {
        checks.problem(fieldPath + ": unknown field, expected one of " + String.join(", ", FIELDS));
        parser.skipChildren();
        continue;
      }
      present.add(field);
      switch (field) {
        case "token" -> token = string(fieldPath);
        case "principalId" -> principalId = string(fieldPath);
        case "roles" -> roles = roles(fieldPath);
        case "expiresAt" -> expiresAt = checks.instant(fieldPath, string(fieldPath));
        case "issuedAt" -> issuedAt = checks.instant(fieldPath, optionalString(fieldPath));
        case "attributes" -> attributes = attributes(fieldPath);
        default -> apiKey = optionalString(fieldPath);
      }
    }
    checks.session(
        path,
        problemsBefore,
        new SeedChecks.Fields(
            present, token, principalId, roles, expiresAt, issuedAt, attributes, apiKey));
  }

  /** The current value as a string, or null after reporting that it is not one. */
  private String string(String path) throws IOException {
    if (parser.currentToken() == JsonToken.VALUE_STRING) {
      return parser.getText();
    }
    checks.problem(path + ": not a string");
    parser.skipChildren();
    return null;
  }

  /** Like {@link #string}, but JSON null means the field is absent. */
  private String optionalString(String path) throws IOException {
    return parser.currentToken() == JsonToken.VALUE_NULL ? null : string(path);
  }

  private Set<String> roles(String path) throws IOException {
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      checks.problem(path + ": not a list of strings");
      parser.skipChildren();
      return null;
    }
    Set<String> roles = new LinkedHashSet<>();
    int index = 0;
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      String rolePath = path + "[" + index++ + "]";
      String role = string(rolePath);
      if (role != null && checks.role(rolePath, role)) {
        roles.add(role);
      }
    }
    return roles;
  }

  private Map<String, String> attributes(String path) throws IOException {
    if (parser.currentToken() == JsonToken.VALUE_NULL) {
      return Map.of();
    }
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      checks.problem(path + ": not an object of string values");
      parser.skipChildren();
      return Map.of();
    }
    Map<String, String> attributes = new LinkedHashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      String keyPath = path + "." + shown(key);
      parser.nextToken();
      String value = string(keyPath);
      if (value != null && checks.attribute(keyPath, key, value)) {
        attributes.put(key, value);
      }
    }
    checks.attributeCount(path, attributes);
    return attributes;
  }

  /** A field name fit for a message: printable ASCII, cut short. */
  private static String shown(String name) {
    StringBuilder shown = new StringBuilder();
    for (int i = 0; i < name.length() && i < SHOWN_NAME_LENGTH; i++) {
      char c = name.charAt(i);
      shown.append(c >= 0x20 && c < 0x7F ? c : '?');
    }
    return name.length() > SHOWN_NAME_LENGTH ? shown + "..." : shown.toString();
  }
}
