package dev.portcullis.bootstrap.template;

import static dev.portcullis.bootstrap.template.Template.at;
import static dev.portcullis.bootstrap.template.Template.map;

import java.util.Map;

/** Where the repository's template keeps the parts that the checks' tests break on purpose. */
final class TemplateParts {

  private TemplateParts() {}

  static Map<String, Object> authorizerProps(Template t) {
    return t.properties("AuthorizerFunction");
  }

  static Map<String, Object> variables(Template t) {
    return map(at(authorizerProps(t), "Environment", "Variables"));
  }

  static Map<String, Object> tableProps(Template t) {
    return t.properties("SessionTable");
  }

  /**
   * Breaks the {@code Fn::Sub} text at {@code node.key} by replacing {@code from} with {@code to}.
   */
  static void replaceInSub(Map<String, Object> node, String key, String from, String to) {
    String text = String.valueOf(map(node.get(key)).get("Fn::Sub"));
    node.put(key, Map.of("Fn::Sub", text.replace(from, to)));
  }
}
