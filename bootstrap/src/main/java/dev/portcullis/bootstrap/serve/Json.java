package dev.portcullis.bootstrap.serve;

import dev.portcullis.json.JsonException;
import dev.portcullis.json.JsonReader;
import dev.portcullis.json.JsonToken;
import dev.portcullis.json.JsonWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plain-value reading and writing for the local gateway: strings, numbers, booleans, null, lists
 * and maps, over the {@code json} module's reader and writer, as the adapter reads and writes.
 */
final class Json {

  /** Deepest nesting read from an authorizer response. */
  static final int MAX_DEPTH = 32;

  private Json() {}

  /** Reads the value at the parser's current token into plain Java values. */
  static Object readValue(JsonReader parser) throws JsonException {
    JsonToken token = parser.currentToken();
    switch (token) {
      case VALUE_STRING:
        return parser.getText();
      case VALUE_NUMBER_INT:
        return integer(parser.getText());
      case VALUE_NUMBER_FLOAT:
        return new BigDecimal(parser.getText());
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      case START_ARRAY:
        List<Object> list = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          list.add(readValue(parser));
        }
        return list;
      case START_OBJECT:
        Map<String, Object> map = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          parser.nextToken();
          map.put(name, readValue(parser));
        }
        return map;
      default:
        throw new IllegalStateException("a value cannot start with " + token);
    }
  }

  /** A whole number as a {@code Long} where it fits, else as a {@code BigInteger}. */
  private static Object integer(String digits) {
    BigInteger value = new BigInteger(digits);
    return value.bitLength() < Long.SIZE ? (Object) value.longValue() : value;
  }

  /** Writes a plain value as read by {@link #readValue}. */
  static void writeValue(JsonWriter json, Object value) {
    if (value == null) {
      json.writeNull();
    } else if (value instanceof String) {
      json.writeString((String) value);
    } else if (value instanceof Boolean) {
      json.writeBoolean((Boolean) value);
    } else if (value instanceof Long || value instanceof Integer) {
      json.writeNumber(((Number) value).longValue());
    } else if (value instanceof BigDecimal) {
      json.writeNumber((BigDecimal) value);
    } else if (value instanceof BigInteger) {
      json.writeNumber((BigInteger) value);
    } else if (value instanceof List) {
      json.writeStartArray();
      for (Object item : (List<?>) value) {
        writeValue(json, item);
      }
      json.writeEndArray();
    } else if (value instanceof Map) {
      json.writeStartObject();
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
        json.writeFieldName(String.valueOf(entry.getKey()));
        writeValue(json, entry.getValue());
      }
      json.writeEndObject();
    } else {
      json.writeString(value.toString());
    }
  }

  /** A scalar as API Gateway hands REST context values on: as a string. */
  static String stringify(Object value) {
    if (value instanceof BigDecimal) {
      return ((BigDecimal) value).toPlainString();
    }
    if (value instanceof List || value instanceof Map) {
      JsonWriter json = new JsonWriter(256);
      writeValue(json, value);
      return json.toString();
    }
    return String.valueOf(value);
  }
}
