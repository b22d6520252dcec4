package dev.portcullis.adapters.dynamodb;

import dev.portcullis.json.JsonException;
import dev.portcullis.json.JsonReader;
import dev.portcullis.json.JsonToken;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads DynamoDB's JSON wire format for the one response the Lambda path needs: a {@code GetItem}
 * answer, straight into a {@link SessionItem}, and an error's type and message.
 *
 * <p>Hand-written on purpose: the SDK's {@code AttributeValue} model alone costs about 110 ms of
 * cold start (measured, loaded machine) and the whole SDK client about 500 ms; the {@code json}
 * module's reader is already loaded by the Lambda adapter. It mirrors {@link
 * SessionItem#fromAttributes}: absent and {@code NULL} attributes read as absent, a wrong type is
 * refused with the same message, unknown attributes are skipped. Plain loops and a string switch,
 * no lambda: this runs once per cold start.
 */
final class GetItemJson {

  private GetItemJson() {}

  /**
   * The item of a {@code GetItem} response body, or null when the response holds none.
   *
   * @throws IllegalArgumentException when an attribute has the wrong type or format
   * @throws JsonException when the body is not JSON
   */
  static SessionItem item(JsonReader parser) throws JsonException {
    expect(parser.nextToken(), JsonToken.START_OBJECT, "the response");
    SessionItem item = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      if ("Item".equals(field) && value == JsonToken.START_OBJECT) {
        item = readItem(parser);
      } else {
        parser.skipChildren();
      }
    }
    return item;
  }

  /** An error body's type (the part after '#') and message: {@code [type, message]}, never null. */
  static String[] error(JsonReader parser) throws JsonException {
    String type = "";
    String message = "";
    if (parser.nextToken() != JsonToken.START_OBJECT) {
      return new String[] {type, message};
    }
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      if (value == JsonToken.VALUE_STRING && "__type".equals(field)) {
        String text = parser.getText();
        type = text.substring(text.lastIndexOf('#') + 1);
      } else if (value == JsonToken.VALUE_STRING
          && ("message".equals(field) || "Message".equals(field))) {
        message = parser.getText();
      } else {
        parser.skipChildren();
      }
    }
    return new String[] {type, message};
  }

  /** The attributes of an {@code Item} object; the parser stands on its START_OBJECT. */
  private static SessionItem readItem(JsonReader parser) throws JsonException {
    boolean any = false;
    String pk = null;
    String principalId = null;
    List<String> roles = null;
    Map<String, String> attributes = null;
    String apiKey = null;
    String backend = null;
    Instant issuedAt = null;
    Instant expiresAt = null;
    Instant revokedAt = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      any = true;
      String name = parser.currentName();
      expect(parser.nextToken(), JsonToken.START_OBJECT, "attribute '" + name + "'");
      switch (name) {
        case SessionTable.PARTITION_KEY -> pk = string(parser, name);
        case SessionTable.PRINCIPAL_ID -> principalId = string(parser, name);
        case SessionTable.ROLES -> roles = strings(parser, name);
        case SessionTable.ATTRIBUTES -> attributes = stringMap(parser, name);
        case SessionTable.API_KEY -> apiKey = string(parser, name);
        case SessionTable.BACKEND -> backend = string(parser, name);
        case SessionTable.ISSUED_AT -> issuedAt = instant(parser, name);
        case SessionTable.EXPIRES_AT -> expiresAt = instant(parser, name);
        case SessionTable.REVOKED_AT -> revokedAt = instant(parser, name);
        default -> parser.skipChildren();
      }
    }
    if (!any) {
      return null;
    }
    return new SessionItem(
        pk, principalId, roles, attributes, apiKey, backend, issuedAt, expiresAt, revokedAt);
  }

  /**
   * A typed value {@code {"S": "…"}}: the parser stands on its START_OBJECT and ends on its END.
   */
  private static String string(JsonReader parser, String name) throws JsonException {
    String type = type(parser, name);
    if ("NULL".equals(type)) {
      return endNull(parser);
    }
    if (!"S".equals(type) || parser.nextToken() != JsonToken.VALUE_STRING) {
      throw wrongType(name, "a string", type);
    }
    String value = parser.getText();
    end(parser, name);
    return value;
  }

  private static Instant instant(JsonReader parser, String name) throws JsonException {
    String type = type(parser, name);
    if ("NULL".equals(type)) {
      return endNull(parser);
    }
    if (!"N".equals(type) || parser.nextToken() != JsonToken.VALUE_STRING) {
      throw new IllegalArgumentException(
          "attribute '" + name + "' must be a number of epoch seconds, got type " + type);
    }
    Instant value = EpochSeconds.parse(parser.getText());
    end(parser, name);
    return value;
  }

  private static List<String> strings(JsonReader parser, String name) throws JsonException {
    String type = type(parser, name);
    if ("NULL".equals(type)) {
      return endNull(parser);
    }
    if (!"L".equals(type) || parser.nextToken() != JsonToken.START_ARRAY) {
      throw wrongType(name, "a list of strings", type);
    }
    List<String> list = new ArrayList<>();
    while (parser.nextToken() == JsonToken.START_OBJECT) {
      list.add(element(parser, name, "a list of strings"));
    }
    end(parser, name);
    return list;
  }

  private static Map<String, String> stringMap(JsonReader parser, String name)
      throws JsonException {
    String type = type(parser, name);
    if ("NULL".equals(type)) {
      return endNull(parser);
    }
    if (!"M".equals(type) || parser.nextToken() != JsonToken.START_OBJECT) {
      throw wrongType(name, "a map of strings", type);
    }
    Map<String, String> map = new HashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      expect(parser.nextToken(), JsonToken.START_OBJECT, "attribute '" + name + "'");
      map.put(key, element(parser, name, "a map of strings"));
    }
    end(parser, name);
    return map;
  }

  /** One {@code {"S": "…"}} inside a list or map; anything else is refused. */
  private static String element(JsonReader parser, String name, String expected)
      throws JsonException {
    if (!"S".equals(type(parser, name)) || parser.nextToken() != JsonToken.VALUE_STRING) {
      throw new IllegalArgumentException(
          "attribute '" + name + "' must be " + expected + ", and holds something else");
    }
    String value = parser.getText();
    end(parser, name);
    return value;
  }

  /** The type tag of a typed value: {@code S}, {@code N}, {@code L}, {@code M}, {@code NULL}… */
  private static String type(JsonReader parser, String name) throws JsonException {
    expect(parser.nextToken(), JsonToken.FIELD_NAME, "attribute '" + name + "'");
    return parser.currentName();
  }

  private static <T> T endNull(JsonReader parser) throws JsonException {
    parser.nextToken();
    parser.skipChildren();
    expect(parser.nextToken(), JsonToken.END_OBJECT, "a NULL attribute");
    return null;
  }

  private static void end(JsonReader parser, String name) throws JsonException {
    expect(parser.nextToken(), JsonToken.END_OBJECT, "attribute '" + name + "'");
  }

  private static void expect(JsonToken actual, JsonToken expected, String where) {
    if (actual != expected) {
      throw new IllegalArgumentException(
          where + " is not DynamoDB JSON: expected " + expected + ", found " + actual);
    }
  }

  private static IllegalArgumentException wrongType(String name, String expected, String type) {
    return new IllegalArgumentException(
        "attribute '" + name + "' must be " + expected + ", got type " + type);
  }
}
