package dev.portcullis.bootstrap.template;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed CloudFormation template, with forgiving accessors: a missing section or property reads
 * as empty, so a check on a broken template reports a problem instead of throwing.
 *
 * @param root the whole template; mutable, so that tests can break a fresh copy on purpose
 */
record Template(Map<String, Object> root) {

  /** The repository's template, read fresh (tests run in the {@code bootstrap} folder). */
  static Template repository() {
    return load(Path.of("..", "template.yaml"));
  }

  static Template load(Path file) {
    try {
      return new Template(CloudFormationYaml.parse(Files.readString(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Map<String, Object> parameters() {
    return map(root.get("Parameters"));
  }

  Map<String, Object> conditions() {
    return map(root.get("Conditions"));
  }

  Map<String, Object> mappings() {
    return map(root.get("Mappings"));
  }

  Map<String, Object> resources() {
    return map(root.get("Resources"));
  }

  Map<String, Object> outputs() {
    return map(root.get("Outputs"));
  }

  /** The resource's {@code Type}, or empty when there is no such resource. */
  Optional<String> typeOf(String logicalId) {
    Object resource = resources().get(logicalId);
    return resource == null
        ? Optional.empty()
        : Optional.ofNullable(string(map(resource).get("Type")));
  }

  /** The logical ids of the resources of this type, in template order. */
  List<String> resourcesOfType(String type) {
    List<String> ids = new ArrayList<>();
    resources()
        .forEach(
            (id, resource) -> {
              if (type.equals(map(resource).get("Type"))) {
                ids.add(id);
              }
            });
    return ids;
  }

  /** The resource's {@code Properties}; empty when it has none or does not exist. */
  Map<String, Object> properties(String logicalId) {
    return map(map(resources().get(logicalId)).get("Properties"));
  }

  /** Follows a path of map keys; empty at the first key that is missing or not a map. */
  static Object at(Object node, String... keys) {
    Object current = node;
    for (String key : keys) {
      if (!(current instanceof Map)) {
        return null;
      }
      current = ((Map<?, ?>) current).get(key);
    }
    return current;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object node) {
    return node instanceof Map ? (Map<String, Object>) node : new LinkedHashMap<>();
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object node) {
    return node instanceof List ? (List<Object>) node : new ArrayList<>();
  }

  /** A value that may be one item or a list of them, as IAM's and {@code DependsOn}'s are. */
  static List<Object> oneOrMany(Object node) {
    return node instanceof List ? list(node) : node == null ? List.of() : List.of(node);
  }

  static String string(Object node) {
    return node instanceof String s ? s : null;
  }

  /** {@code {"Ref": name}}. */
  static Map<String, Object> ref(String name) {
    Map<String, Object> ref = new LinkedHashMap<>();
    ref.put("Ref", name);
    return ref;
  }
}
