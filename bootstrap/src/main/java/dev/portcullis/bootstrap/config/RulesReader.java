package dev.portcullis.bootstrap.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.portcullis.domain.rules.AccessRules;
import dev.portcullis.domain.rules.InvalidRulesException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads access rules, {@code {"roles": {"ROLE": ["GRANT", ...]}}}, with Jackson's streaming parser:
 * the rules are read at every start, on the Lambda path, and by the command line alike.
 */
final class RulesReader {

  /** Deeper than rules ever nest ({@code {"roles": {"r": ["g"]}}} is three levels). */
  private static final int MAX_DEPTH = 32;

  private static final JsonFactory JSON =
      JsonFactory.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(MAX_DEPTH)
                  .maxDocumentLength(TextSource.MAX_BYTES)
                  .build())
          .build();

  private RulesReader() {}

  /**
   * Parses the rules text.
   *
   * @throws IllegalArgumentException with every problem found, one per line
   */
  static AccessRules read(String json) {
    Map<String, List<String>> grants = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    try (JsonParser parser = JSON.createParser(json)) {
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
          grants.put(role, list);
        }
      }
      expect(parser.nextToken() == null, "unexpected content after the rules object");
      expect(sawRoles, "the rules have no \"roles\" object");
    } catch (StreamConstraintsException e) {
      problems.add("nests deeper than " + MAX_DEPTH + " levels or holds an overlong value");
    } catch (JsonProcessingException e) {
      // The place only: Jackson's message may quote the text.
      JsonLocation at = e.getLocation();
      problems.add(
          "not valid JSON"
              + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr())
              + " (a syntax error, or a name given twice in one object)");
    } catch (IOException e) {
      throw new UncheckedIOException(e); // unreachable: a string has no I/O to fail
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
