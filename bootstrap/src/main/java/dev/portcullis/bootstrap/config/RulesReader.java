package dev.portcullis.bootstrap.config;

import dev.portcullis.domain.rules.AccessRules;
import dev.portcullis.domain.rules.InvalidRulesException;
import dev.portcullis.json.JsonException;
import dev.portcullis.json.JsonReader;
import dev.portcullis.json.JsonToken;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads access rules, {@code {"roles": {"ROLE": ["GRANT", ...]}}}, with the pull reader of the
 * {@code json} module: a data binder would add 140-180 ms to every cold start.
 */
final class RulesReader {

  /** Deeper than rules ever nest ({@code {"roles": {"r": ["g"]}}} is three levels). */
  private static final int MAX_DEPTH = 32;

  private RulesReader() {}

  /**
   * Parses the rules text.
   *
   * @throws IllegalArgumentException with every problem found, one per line
   */
  static AccessRules read(String json) {
    Map<String, List<String>> grants = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    try {
      JsonReader parser = JsonReader.of(json, MAX_DEPTH);
      expect(parser.nextToken() == JsonToken.START_OBJECT, "the rules must be a JSON object");
      boolean sawRoles = false;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        parser.nextToken();
        if (!field.equals("roles")) {
          problems.add("unknown field '" + field + "': the only field is \"roles\"");
          parser.skipChildren();
          continue;
        }
        sawRoles = true;
        expect(parser.currentToken() == JsonToken.START_OBJECT, "\"roles\" must be an object");
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String role = parser.currentName();
          if (parser.nextToken() != JsonToken.START_ARRAY) {
            problems.add("role '" + role + "' must map to a list of grant strings");
            parser.skipChildren();
            continue;
          }
          List<String> list = new ArrayList<>();
          while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (parser.currentToken() == JsonToken.VALUE_STRING) {
              list.add(parser.getText());
            } else {
              problems.add("role '" + role + "' holds a grant that is not a string");
              parser.skipChildren();
            }
          }
          if (grants.put(role, list) != null) {
            problems.add("role '" + role + "' is defined twice");
          }
        }
      }
      expect(parser.nextToken() == null, "unexpected content after the rules object");
      expect(sawRoles, "the rules have no \"roles\" object");
    } catch (JsonException e) {
      problems.add("not valid JSON at line " + e.line() + ", column " + e.column());
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
    }
    if (problems.isEmpty()) {
      try {
        return AccessRules.of(grants);
      } catch (InvalidRulesException e) {
        problems.addAll(e.problems());
      }
    }
    throw new IllegalArgumentException(String.join("\n", problems));
  }

  private static void expect(boolean condition, String problem) {
    if (!condition) {
      throw new IllegalArgumentException(problem);
    }
  }
}
