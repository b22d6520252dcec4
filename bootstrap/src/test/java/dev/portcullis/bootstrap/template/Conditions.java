package dev.portcullis.bootstrap.template;

import static dev.portcullis.bootstrap.template.Template.list;
import static dev.portcullis.bootstrap.template.Template.map;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Evaluates a template's conditions and {@code Fn::If} values for given parameter values, as
 * CloudFormation does: {@code Fn::Equals}, {@code Fn::Not}, {@code Fn::And}, {@code Fn::Or}, named
 * conditions and {@code Ref} to parameters (their default when not given).
 */
final class Conditions {

  private final Template template;
  private final Map<String, String> parameters;

  Conditions(Template template, Map<String, String> parameters) {
    this.template = template;
    this.parameters = parameters;
  }

  /** The condition of that name. */
  boolean holds(String name) {
    Object condition = template.conditions().get(name);
    if (condition == null) {
      throw new IllegalArgumentException("no condition " + name);
    }
    return evaluate(condition);
  }

  /**
   * A property's value with its {@code Fn::If}s resolved: null where it resolves to {@code
   * AWS::NoValue}.
   */
  Object value(Object node) {
    Map<String, Object> m = node instanceof Map<?, ?> ? map(node) : Map.of();
    if (m.containsKey("Fn::If")) {
      List<Object> branches = list(m.get("Fn::If"));
      return value(holds((String) branches.get(0)) ? branches.get(1) : branches.get(2));
    }
    if ("AWS::NoValue".equals(m.get("Ref"))) {
      return null;
    }
    return node;
  }

  private boolean evaluate(Object node) {
    Map<String, Object> m = map(node);
    if (m.containsKey("Fn::Equals")) {
      List<Object> pair = list(m.get("Fn::Equals"));
      return Objects.equals(scalar(pair.get(0)), scalar(pair.get(1)));
    }
    if (m.containsKey("Fn::Not")) {
      return !evaluate(list(m.get("Fn::Not")).get(0));
    }
    if (m.containsKey("Fn::And")) {
      return list(m.get("Fn::And")).stream().allMatch(this::evaluate);
    }
    if (m.containsKey("Fn::Or")) {
      return list(m.get("Fn::Or")).stream().anyMatch(this::evaluate);
    }
    if (m.containsKey("Condition")) {
      return holds((String) m.get("Condition"));
    }
    throw new IllegalArgumentException("not a condition: " + node);
  }

  private String scalar(Object node) {
    if (node instanceof Map<?, ?> ref && ref.get("Ref") instanceof String name) {
      if (parameters.containsKey(name)) {
        return parameters.get(name);
      }
      return String.valueOf(map(template.parameters().get(name)).get("Default"));
    }
    return String.valueOf(node);
  }
}
