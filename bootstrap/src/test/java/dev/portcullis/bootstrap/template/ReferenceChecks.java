package dev.portcullis.bootstrap.template;

import static dev.portcullis.bootstrap.template.Template.at;
import static dev.portcullis.bootstrap.template.Template.list;
import static dev.portcullis.bootstrap.template.Template.map;
import static dev.portcullis.bootstrap.template.Template.oneOrMany;
import static dev.portcullis.bootstrap.template.Template.string;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The check that every name the template refers to is defined: each Ref, GetAtt, Sub variable,
 * condition, mapping and dependency resolves to a parameter, a resource (or one of SAM's names for
 * it) or a pseudo parameter.
 */
final class ReferenceChecks {

  /** CloudFormation's pseudo parameters. */
  static final Set<String> PSEUDO_PARAMETERS =
      Set.of(
          "AWS::AccountId",
          "AWS::NotificationARNs",
          "AWS::NoValue",
          "AWS::Partition",
          "AWS::Region",
          "AWS::StackId",
          "AWS::StackName",
          "AWS::URLSuffix");

  /** The {@code Fn::GetAtt} attributes of the resource types the template uses. */
  static final Map<String, Set<String>> ATTRIBUTES =
      Map.of(
          "AWS::Serverless::Function", Set.of("Arn"),
          "AWS::Lambda::Function", Set.of("Arn", "SnapStartResponse.ApplyOn"),
          "AWS::IAM::Role", Set.of("Arn", "RoleId"),
          "AWS::DynamoDB::Table", Set.of("Arn", "StreamArn"),
          "AWS::SQS::Queue", Set.of("Arn", "QueueName", "QueueUrl"),
          "AWS::Logs::LogGroup", Set.of("Arn"),
          "AWS::Serverless::Api", Set.of("RootResourceId"),
          "AWS::Serverless::HttpApi", Set.of("ApiEndpoint", "ApiId"));

  private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

  private ReferenceChecks() {}

  /** Every Ref, GetAtt, Sub variable and condition name resolves to something defined. */
  static List<String> all(Template t) {
    List<String> problems = new ArrayList<>();
    Set<String> generated = samGenerated(t);
    Set<String> refs = new HashSet<>(PSEUDO_PARAMETERS);
    refs.addAll(t.parameters().keySet());
    refs.addAll(t.resources().keySet());
    refs.addAll(generated);
    walk(t, "", t.root(), refs, generated, problems);
    t.resources()
        .forEach(
            (id, resource) -> {
              for (Object name : oneOrMany(map(resource).get("DependsOn"))) {
                if (!t.resources().containsKey(name)) {
                  problems.add(id + " DependsOn " + name + ", which is not a resource");
                }
              }
            });
    return problems;
  }

  /**
   * The names SAM creates and lets a template refer to: {@code F.Alias} and {@code F.Version} for a
   * function with {@code AutoPublishAlias}; {@code FRole} for a function without its own role;
   * {@code A.Stage} and {@code A.Deployment} for a REST API; {@code ServerlessRestApi} and {@code
   * ServerlessHttpApi} only when an event leaves its API implicit.
   */
  static Set<String> samGenerated(Template t) {
    Set<String> names = new TreeSet<>();
    for (String fn : t.resourcesOfType("AWS::Serverless::Function")) {
      Map<String, Object> props = t.properties(fn);
      if (props.get("AutoPublishAlias") != null) {
        names.add(fn + ".Alias");
        names.add(fn + ".Version");
      }
      if (props.get("Role") == null) {
        names.add(fn + "Role");
      }
      for (Object event : map(props.get("Events")).values()) {
        String type = string(map(event).get("Type"));
        if ("Api".equals(type) && at(event, "Properties", "RestApiId") == null) {
          names.add("ServerlessRestApi");
        }
        if ("HttpApi".equals(type) && at(event, "Properties", "ApiId") == null) {
          names.add("ServerlessHttpApi");
        }
      }
    }
    for (String api : t.resourcesOfType("AWS::Serverless::Api")) {
      names.add(api + ".Stage");
      names.add(api + ".Deployment");
    }
    return names;
  }

  private static void walk(
      Template t,
      String where,
      Object node,
      Set<String> refs,
      Set<String> generated,
      List<String> problems) {
    if (node instanceof List<?> items) {
      for (int i = 0; i < items.size(); i++) {
        walk(t, where + "[" + i + "]", items.get(i), refs, generated, problems);
      }
      return;
    }
    if (!(node instanceof Map)) {
      return;
    }
    Map<String, Object> m = map(node);
    for (Map.Entry<String, Object> e : m.entrySet()) {
      String key = e.getKey();
      Object value = e.getValue();
      String here = where.isEmpty() ? key : where + "." + key;
      if (key.equals("Ref") && value instanceof String name && !refs.contains(name)) {
        problems.add(here + ": Ref " + name + " is not a parameter, resource or pseudo parameter");
      } else if (key.equals("Fn::GetAtt")) {
        List<Object> target = list(value);
        if (target.size() != 2) {
          problems.add(here + ": Fn::GetAtt needs [resource, attribute], got " + value);
        } else {
          attribute(
              t, here, String.valueOf(target.get(0)), String.valueOf(target.get(1)), problems);
        }
      } else if (key.equals("Fn::Sub")) {
        sub(t, here, value, refs, generated, problems);
      } else if ((key.equals("Condition") && value instanceof String name)
          && !t.conditions().containsKey(name)) {
        problems.add(here + ": condition " + name + " is not defined under Conditions");
      } else if (key.equals("Fn::If")) {
        String name = string(list(value).isEmpty() ? null : list(value).get(0));
        if (name == null || !t.conditions().containsKey(name)) {
          problems.add(here + ": Fn::If names condition " + name + ", which is not defined");
        }
      } else if (key.equals("Fn::FindInMap")) {
        Object mapName = list(value).isEmpty() ? null : list(value).get(0);
        if (mapName instanceof String name && !t.mappings().containsKey(name)) {
          problems.add(here + ": Fn::FindInMap names mapping " + name + ", which is not defined");
        }
      }
      walk(t, here, value, refs, generated, problems);
    }
  }

  private static void sub(
      Template t,
      String here,
      Object value,
      Set<String> refs,
      Set<String> generated,
      List<String> problems) {
    String text;
    Set<String> local = new HashSet<>();
    if (value instanceof String s) {
      text = s;
    } else {
      List<Object> parts = list(value);
      text = parts.isEmpty() ? null : string(parts.get(0));
      if (parts.size() > 1) {
        local.addAll(map(parts.get(1)).keySet());
      }
    }
    if (text == null) {
      problems.add(here + ": Fn::Sub needs a string, got " + value);
      return;
    }
    Matcher m = SUB_VARIABLE.matcher(text);
    while (m.find()) {
      String name = m.group(1);
      if (name.startsWith("!") || local.contains(name) || refs.contains(name)) {
        continue; // ${!Literal} is written as is; the others resolve.
      }
      int dot = name.indexOf('.');
      if (dot > 0 && t.resources().containsKey(name.substring(0, dot))) {
        attribute(t, here, name.substring(0, dot), name.substring(dot + 1), problems);
      } else {
        problems.add(
            here
                + ": ${"
                + name
                + "} is not a parameter, resource, attribute or SAM-generated name");
      }
    }
  }

  private static void attribute(
      Template t, String here, String resource, String attribute, List<String> problems) {
    Optional<String> type = t.typeOf(resource);
    if (type.isEmpty()) {
      problems.add(here + ": " + resource + "." + attribute + " names no resource");
      return;
    }
    Set<String> known = ATTRIBUTES.get(type.get());
    if (known != null && !known.contains(attribute)) {
      problems.add(
          here
              + ": "
              + type.get()
              + " "
              + resource
              + " has no attribute "
              + attribute
              + " ("
              + known
              + ")");
    }
  }
}
