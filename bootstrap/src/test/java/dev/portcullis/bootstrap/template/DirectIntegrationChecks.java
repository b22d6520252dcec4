package dev.portcullis.bootstrap.template;

import static dev.portcullis.bootstrap.template.Template.at;
import static dev.portcullis.bootstrap.template.Template.list;
import static dev.portcullis.bootstrap.template.Template.map;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checks of the routes that API Gateway sends straight to an AWS service, with no code behind
 * them: the authorizer is the only place the caller is checked, so each such route must reach no
 * more than its one resource, and a DynamoDB query must key on the principal the authorizer vouched
 * for, never on a value the caller sends.
 */
final class DirectIntegrationChecks {

  /** What a request template may not read when it builds a key: values the caller chooses. */
  private static final Pattern CALLER_VALUES =
      Pattern.compile("\\$input\\.(params|path|json|body)|\\$method\\.request|\\$util\\.parseJson");

  /** The table a DynamoDB request template names: {@code "TableName": "${Table}"} under Fn::Sub. */
  private static final Pattern TABLE_NAME =
      Pattern.compile("\"TableName\"\\s*:\\s*\"\\$\\{([A-Za-z0-9]+)}\"");

  private static final String DYNAMODB_ACTION = ":dynamodb:action/";

  private DirectIntegrationChecks() {}

  /** One direct integration: its API, method and path, and the integration object. */
  record Route(String api, String method, String path, Map<String, Object> integration) {
    @Override
    public String toString() {
      return api + " " + method.toUpperCase(Locale.ROOT) + " " + path;
    }
  }

  /** Every check of every direct integration. */
  static List<String> all(Template t) {
    List<String> problems = new ArrayList<>();
    for (Route route : routes(t)) {
      problems.addAll(roleReachesOneResource(t, route));
      if (uri(route).contains(DYNAMODB_ACTION)) {
        problems.addAll(queryKeysOnThePrincipal(t, route));
      }
    }
    return problems;
  }

  /** The REST API routes whose integration is an AWS service ({@code type: aws}). */
  static List<Route> routes(Template t) {
    List<Route> routes = new ArrayList<>();
    for (String api : t.resourcesOfType("AWS::Serverless::Api")) {
      map(at(t.properties(api), "DefinitionBody", "paths"))
          .forEach(
              (path, methods) ->
                  map(methods)
                      .forEach(
                          (method, operation) -> {
                            Map<String, Object> integration =
                                map(map(operation).get("x-amazon-apigateway-integration"));
                            if ("aws".equals(integration.get("type"))) {
                              routes.add(new Route(api, method, path, integration));
                            }
                          }));
    }
    return routes;
  }

  /**
   * The role API Gateway assumes for the route is this template's, trusted by API Gateway alone,
   * and allows one action on one resource of this template: no wildcard, no managed policy.
   */
  static List<String> roleReachesOneResource(Template t, Route route) {
    List<Object> getAtt = list(map(route.integration().get("credentials")).get("Fn::GetAtt"));
    String roleId = getAtt.size() == 2 ? String.valueOf(getAtt.get(0)) : null;
    if (roleId == null || !"AWS::IAM::Role".equals(t.typeOf(roleId).orElse(null))) {
      return List.of(route + " has no credentials role of this template (!GetAtt ROLE.Arn)");
    }
    List<String> problems = new ArrayList<>();
    Map<String, Object> role = t.properties(roleId);
    for (Object statement : list(at(role, "AssumeRolePolicyDocument", "Statement"))) {
      Object service = at(statement, "Principal", "Service");
      if (!"apigateway.amazonaws.com".equals(service)) {
        problems.add(roleId + " may be assumed by " + service + ", not only by API Gateway");
      }
    }
    if (role.containsKey("ManagedPolicyArns")) {
      problems.add(roleId + " carries managed policies: name its one action and resource instead");
    }
    List<Map<String, Object>> allows = new ArrayList<>();
    for (Object policy : list(role.get("Policies"))) {
      for (Object statement : list(at(policy, "PolicyDocument", "Statement"))) {
        allows.add(map(statement));
      }
    }
    if (allows.size() != 1) {
      problems.add(roleId + " has " + allows.size() + " statements: one action on one resource");
      return problems;
    }
    Map<String, Object> allow = allows.get(0);
    Object action = allow.get("Action");
    Object resource = allow.get("Resource");
    if (!"Allow".equals(allow.get("Effect"))
        || !(action instanceof String text)
        || text.contains("*")) {
      problems.add(roleId + " allows " + action + ": name exactly one action, no wildcard");
    }
    if (!(resource instanceof Map<?, ?> ref)
        || list(ref.get("Fn::GetAtt")).size() != 2
        || t.typeOf(String.valueOf(list(ref.get("Fn::GetAtt")).get(0))).isEmpty()) {
      problems.add(
          roleId + " reaches " + resource + ": grant only on one resource of this template");
    }
    return problems;
  }

  /**
   * A DynamoDB request is built from the authorizer's principal and nothing the caller sends, names
   * the same table the role grants, and the role grants exactly that action.
   */
  static List<String> queryKeysOnThePrincipal(Template t, Route route) {
    List<String> problems = new ArrayList<>();
    Object request = at(route.integration(), "requestTemplates", "application/json");
    String text = String.valueOf(request instanceof Map<?, ?> sub ? sub.get("Fn::Sub") : request);
    if (!text.contains("$context.authorizer.principalId")) {
      problems.add(route + " does not key its request on $context.authorizer.principalId");
    }
    Matcher callerValue = CALLER_VALUES.matcher(text);
    if (callerValue.find()) {
      problems.add(
          route
              + " builds its DynamoDB request from "
              + callerValue.group()
              + ", a value the caller chooses");
    }
    Map<String, Object> allow = onlyStatement(t, route);
    Matcher table = TABLE_NAME.matcher(text);
    if (!table.find()) {
      problems.add(route + " does not name its table as \"TableName\": \"${TABLE}\"");
    } else if (!Map.of("Fn::GetAtt", List.of(table.group(1), "Arn"))
        .equals(allow.get("Resource"))) {
      problems.add(
          route + " queries " + table.group(1) + " but its role grants " + allow.get("Resource"));
    }
    String action =
        "dynamodb:"
            + uri(route).substring(uri(route).indexOf(DYNAMODB_ACTION) + DYNAMODB_ACTION.length());
    if (!action.equals(allow.get("Action"))) {
      problems.add(route + " calls " + action + " but its role allows " + allow.get("Action"));
    }
    return problems;
  }

  /** The one statement of the route's role, or an empty map when there is not exactly one. */
  private static Map<String, Object> onlyStatement(Template t, Route route) {
    List<Object> getAtt = list(map(route.integration().get("credentials")).get("Fn::GetAtt"));
    if (getAtt.size() != 2) {
      return Map.of();
    }
    List<Object> statements = new ArrayList<>();
    for (Object policy : list(t.properties(String.valueOf(getAtt.get(0))).get("Policies"))) {
      statements.addAll(list(at(policy, "PolicyDocument", "Statement")));
    }
    return statements.size() == 1 ? map(statements.get(0)) : Map.of();
  }

  private static String uri(Route route) {
    Object uri = route.integration().get("uri");
    return String.valueOf(uri instanceof Map<?, ?> sub ? sub.get("Fn::Sub") : uri);
  }
}
