package dev.portcullis.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Masks every value of an authorizer event that may carry a credential, before the decision
 * inspector keeps it. It fails closed: header values are shown only for a short list of headers
 * that never carry one, and every query value, cookie value and identity-source value is masked.
 * Then any text anywhere that still contains a masked value is masked whole.
 */
final class TokenMask {

  /** Headers whose values are shown: none of them is ever a place for a credential. */
  static final Set<String> SHOWN_HEADERS =
      Set.of(
          "accept",
          "accept-encoding",
          "accept-language",
          "cache-control",
          "connection",
          "content-length",
          "content-type",
          "host",
          "origin",
          "pragma",
          "referer",
          "user-agent",
          "via",
          "x-amzn-trace-id",
          "x-forwarded-for",
          "x-forwarded-port",
          "x-forwarded-proto");

  /** A masked value no shorter than this is also looked for inside every other text. */
  static final int MIN_SEARCHED_LENGTH = 8;

  private final List<String> masked = new ArrayList<>();
  private final ObjectNode event;

  private TokenMask(ObjectNode event) {
    this.event = event;
  }

  /** Masks a copy of {@code event}, and remembers what it masked to scrub other documents with. */
  static TokenMask of(ObjectNode event) {
    TokenMask mask = new TokenMask(event.deepCopy());
    mask.top(mask.event);
    mask.scrub(mask.event);
    return mask;
  }

  /** A mask for documents beside no event: it masks nothing. */
  static TokenMask none() {
    return new TokenMask(null);
  }

  /** The event, masked. */
  ObjectNode event() {
    return event;
  }

  /** What stands in for a value: its length only. An empty value stays empty, which tells. */
  static String replacement(String value) {
    return value.isEmpty() ? "" : "[masked, " + value.length() + " characters]";
  }

  private void top(ObjectNode event) {
    Iterator<Map.Entry<String, JsonNode>> fields = event.properties().iterator();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode value = field.getValue();
      switch (field.getKey()) {
        case "authorizationToken" -> replaceText(value, this::credential, field);
        case "identitySource" -> replaceEach(value, this::whole, field);
        case "headers", "multiValueHeaders" -> headers(value);
        case "queryStringParameters", "multiValueQueryStringParameters" -> values(value);
        case "rawQueryString" -> replaceText(value, v -> pairs(v, "&"), field);
        case "cookies" -> replaceEach(value, v -> pairs(v, ";"), field);
        default -> {}
      }
    }
  }

  private void headers(JsonNode headers) {
    if (!(headers instanceof ObjectNode)) {
      return;
    }
    Iterator<Map.Entry<String, JsonNode>> fields = headers.properties().iterator();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> header = fields.next();
      String name = header.getKey().toLowerCase(Locale.ROOT);
      if (SHOWN_HEADERS.contains(name)) {
        continue;
      }
      UnaryOperator<String> how =
          name.equals("cookie")
              ? v -> pairs(v, ";")
              : name.endsWith("authorization") ? this::credential : this::whole;
      replaceEach(header.getValue(), how, header);
    }
  }

  private void values(JsonNode parameters) {
    if (!(parameters instanceof ObjectNode)) {
      return;
    }
    parameters.properties().forEach(p -> replaceEach(p.getValue(), this::whole, p));
  }

  private void replaceEach(
      JsonNode value, UnaryOperator<String> how, Map.Entry<String, JsonNode> field) {
    if (value instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        if (array.get(i).isTextual()) {
          array.set(i, TextNode.valueOf(how.apply(array.get(i).textValue())));
        }
      }
    } else {
      replaceText(value, how, field);
    }
  }

  private static void replaceText(
      JsonNode value, UnaryOperator<String> how, Map.Entry<String, JsonNode> field) {
    if (value.isTextual()) {
      field.setValue(TextNode.valueOf(how.apply(value.textValue())));
    }
  }

  private String whole(String value) {
    remember(value);
    return replacement(value);
  }

  /**
   * A credential keeps its scheme and the blanks after it ({@code Bearer x} with two spaces is a
   * reason for a 401 worth seeing); the rest is masked.
   */
  private String credential(String value) {
    int scheme = 0;
    while (scheme < value.length() && scheme < 16 && Character.isLetter(value.charAt(scheme))) {
      scheme++;
    }
    int blanks = scheme;
    while (blanks < value.length()
        && (value.charAt(blanks) == ' ' || value.charAt(blanks) == '\t')) {
      blanks++;
    }
    if (scheme == 0 || blanks == scheme) {
      return whole(value);
    }
    remember(value);
    return value.substring(0, blanks) + whole(value.substring(blanks));
  }

  /** {@code name=value} pairs split by {@code separator}: the names stay, the values are masked. */
  private String pairs(String value, String separator) {
    remember(value);
    StringBuilder out = new StringBuilder();
    String[] parts = value.split(separator, -1);
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        out.append(separator);
      }
      String part = parts[i];
      int equals = part.indexOf('=');
      out.append(
          equals < 0
              ? whole(part)
              : part.substring(0, equals + 1) + whole(part.substring(equals + 1)));
    }
    return out.toString();
  }

  private void remember(String value) {
    if (value.length() >= MIN_SEARCHED_LENGTH) {
      masked.add(value);
    }
  }

  /** Masks, whole, any text in {@code node} that contains a masked value (the user agent, say). */
  void scrub(JsonNode node) {
    if (node instanceof ObjectNode object) {
      object
          .properties()
          .forEach(
              field -> {
                if (field.getValue().isTextual()) {
                  field.setValue(TextNode.valueOf(scrubbed(field.getValue().textValue())));
                } else {
                  scrub(field.getValue());
                }
              });
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        if (array.get(i).isTextual()) {
          array.set(i, TextNode.valueOf(scrubbed(array.get(i).textValue())));
        } else {
          scrub(array.get(i));
        }
      }
    }
  }

  /** {@code text}, or its mask when it contains a masked value. */
  String scrubbed(String text) {
    for (String secret : masked) {
      if (text.contains(secret)) {
        return replacement(text);
      }
    }
    return text;
  }
}
