package dev.portcullis.bootstrap.logging;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates one log line against CloudWatch's "Specification: Embedded metric format"
 * (docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html),
 * written from the specification's rules rather than from Portcullis's writer. It returns every
 * rule the line breaks; an empty list means CloudWatch would extract its metrics.
 */
final class EmfValidator {

  /** The CloudWatch units the specification's JSON schema allows. */
  static final Set<String> UNITS =
      Set.of(
          "Seconds",
          "Microseconds",
          "Milliseconds",
          "Bytes",
          "Kilobytes",
          "Megabytes",
          "Gigabytes",
          "Terabytes",
          "Bits",
          "Kilobits",
          "Megabits",
          "Gigabits",
          "Terabits",
          "Percent",
          "Count",
          "Bytes/Second",
          "Kilobytes/Second",
          "Megabytes/Second",
          "Gigabytes/Second",
          "Terabytes/Second",
          "Bits/Second",
          "Kilobits/Second",
          "Megabits/Second",
          "Gigabits/Second",
          "Terabits/Second",
          "Count/Second",
          "None");

  /** The archived English specification's size limit; the live page may allow more. */
  static final int MAX_BYTES = 256 * 1024;

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private EmfValidator() {}

  static List<String> problems(String line) {
    List<String> problems = new ArrayList<>();
    if (line.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      problems.add("the document is larger than " + MAX_BYTES + " bytes");
    }
    JsonNode root;
    try (JsonParser parser = JSON.createParser(line)) {
      root = JSON.readTree(parser);
      if (parser.nextToken() != null) {
        return List.of("data after the JSON object: the message must be the object alone");
      }
    } catch (IOException e) {
      return List.of("not one valid JSON value: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      return List.of("the root node is not a JSON object");
    }
    JsonNode aws = root.get("_aws");
    if (aws == null || !aws.isObject()) {
      return List.of("no _aws object on the root node");
    }
    JsonNode timestamp = aws.get("Timestamp");
    if (timestamp == null || !timestamp.isIntegralNumber()) {
      problems.add("_aws.Timestamp is not a whole number of milliseconds: " + timestamp);
    } else if (timestamp.asLong() < 1_000_000_000_000L
        || timestamp.asLong() > 99_999_999_999_999L) {
      problems.add("_aws.Timestamp " + timestamp + " does not look like epoch milliseconds");
    }
    JsonNode directives = aws.get("CloudWatchMetrics");
    if (directives == null || !directives.isArray()) {
      problems.add("_aws.CloudWatchMetrics is not an array");
      return problems;
    }
    for (JsonNode directive : directives) {
      directive(root, directive, problems);
    }
    return problems;
  }

  private static void directive(JsonNode root, JsonNode directive, List<String> problems) {
    JsonNode namespace = directive.get("Namespace");
    if (namespace == null
        || !namespace.isTextual()
        || namespace.asText().isBlank()
        || namespace.asText().length() > 1024) {
      problems.add("Namespace must be a non-blank string of at most 1024 characters: " + namespace);
    }
    JsonNode dimensions = directive.get("Dimensions");
    if (dimensions == null || !dimensions.isArray()) {
      problems.add("Dimensions must be an array of dimension sets: " + dimensions);
    } else {
      for (JsonNode set : dimensions) {
        if (!set.isArray() || set.size() > 30) {
          problems.add("a dimension set must be an array of at most 30 keys: " + set);
          continue;
        }
        for (JsonNode key : set) {
          String name = key.asText();
          JsonNode target = root.get(name);
          if (!key.isTextual() || name.isEmpty() || name.length() > 250) {
            problems.add("a dimension key must be a string of 1 to 250 characters: " + key);
          } else if (target == null) {
            problems.add("dimension " + name + " has no member on the root node");
          } else if (!target.isTextual() || target.asText().length() > 1024) {
            problems.add("dimension " + name + " must be a string of at most 1024 characters");
          }
        }
      }
    }
    JsonNode metrics = directive.get("Metrics");
    if (metrics == null || !metrics.isArray() || metrics.size() > 100) {
      problems.add("Metrics must be an array of at most 100 definitions: " + metrics);
      return;
    }
    for (JsonNode metric : metrics) {
      JsonNode name = metric.get("Name");
      if (name == null || !name.isTextual() || name.asText().isEmpty()) {
        problems.add("a metric definition has no Name: " + metric);
        continue;
      }
      JsonNode unit = metric.get("Unit");
      if (unit != null && !UNITS.contains(unit.asText())) {
        problems.add("metric " + name.asText() + " has unit " + unit + ", not a CloudWatch unit");
      }
      JsonNode resolution = metric.get("StorageResolution");
      if (resolution != null && resolution.asInt() != 1 && resolution.asInt() != 60) {
        problems.add("metric " + name.asText() + " has StorageResolution " + resolution);
      }
      JsonNode target = root.get(name.asText());
      if (target == null) {
        problems.add("metric " + name.asText() + " has no member on the root node");
      } else if (!numeric(target)) {
        problems.add(
            "metric " + name.asText() + " must be a number or an array of at most 100 numbers");
      }
    }
  }

  private static boolean numeric(JsonNode target) {
    if (target.isNumber()) {
      return true;
    }
    if (!target.isArray() || target.size() > 100) {
      return false;
    }
    for (JsonNode value : target) {
      if (!value.isNumber()) {
        return false;
      }
    }
    return true;
  }

  /** The root node's members, for assertions on values. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> members(String line) {
    try {
      return JSON.readValue(line, Map.class);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + line, e);
    }
  }
}
