package dev.portcullis.bootstrap.template;

import static dev.portcullis.bootstrap.template.AuthorizerLookups.authorizer;
import static dev.portcullis.bootstrap.template.AuthorizerLookups.conditionOf;
import static dev.portcullis.bootstrap.template.AuthorizerLookups.imageFunctions;
import static dev.portcullis.bootstrap.template.Template.at;
import static dev.portcullis.bootstrap.template.Template.list;
import static dev.portcullis.bootstrap.template.Template.map;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The checks of the example APIs' authorizers: each is Portcullis, may invoke it, caches its
 * answers safely, and guards every route of its API.
 */
final class AuthorizerChecks {

  private AuthorizerChecks() {}

  /** The APIs' authorizers are Portcullis, may invoke it, and cache safely. */
  static List<String> all(Template t) {
    List<String> problems = new ArrayList<>();
    Optional<String> fn = authorizer(t);
    if (fn.isEmpty()) {
      return List.of("no authorizer function for the APIs to use");
    }
    Set<Object> portcullis = new HashSet<>(invocations(fn.get()));
    for (String image : imageFunctions(t)) {
      for (Object zip : invocations(fn.get())) {
        for (Object fromImage : invocations(image)) {
          portcullis.add(Map.of("Fn::If", List.of(conditionOf(t, image), fromImage, zip)));
        }
      }
    }
    List<String> apis = new ArrayList<>(t.resourcesOfType("AWS::Serverless::Api"));
    apis.addAll(t.resourcesOfType("AWS::Serverless::HttpApi"));
    if (t.resourcesOfType("AWS::Serverless::Api").isEmpty()
        || t.resourcesOfType("AWS::Serverless::HttpApi").isEmpty()) {
      problems.add("the template should hold an example REST API and an example HTTP API");
    }
    for (String api : apis) {
      boolean http = "AWS::Serverless::HttpApi".equals(t.typeOf(api).orElse(null));
      Map<String, Object> authorizers = map(at(t.properties(api), "Auth", "Authorizers"));
      if (authorizers.isEmpty()) {
        problems.add(api + " has no authorizer: every route would be open");
      }
      authorizers.forEach(
          (name, config) -> {
            Object arn = map(config).get("FunctionArn");
            if (!portcullis.contains(arn)) {
              problems.add(api + " authorizer " + name + " invokes " + arn + ", not Portcullis");
            }
            if (at(config, "Identity", "ReauthorizeEvery") == null) {
              problems.add(api + " authorizer " + name + " leaves its result TTL to a default");
            }
            if (http) {
              problems.addAll(httpAuthorizer(t, fn.get(), api, name, map(config)));
            }
          });
      problems.addAll(everyRouteProtected(t, api, authorizers.keySet()));
      problems.addAll(everyEventProtected(t, api, authorizers.keySet()));
    }
    return problems;
  }

  /** The ways a reference may name function {@code id}: its alias, itself, or its ARN. */
  private static List<Object> invocations(String id) {
    return List.of(
        Template.ref(id + ".Alias"), Template.ref(id), Map.of("Fn::GetAtt", List.of(id, "Arn")));
  }

  private static List<String> httpAuthorizer(
      Template t, String fn, String api, String name, Map<String, Object> config) {
    List<String> problems = new ArrayList<>();
    String where = api + " authorizer " + name;
    if (!Boolean.TRUE.equals(config.get("EnableFunctionDefaultPermissions"))
        && !invokePermission(t, config.get("FunctionArn"), api)) {
      problems.add(
          where
              + ": no AWS::Lambda::Permission lets "
              + api
              + " invoke "
              + config.get("FunctionArn")
              + " (SAM grants none for HTTP APIs): every call would answer 500");
    }
    Object simple = config.get("EnableSimpleResponses");
    Object mode = at(t.properties(fn), "Environment", "Variables", "PORTCULLIS_HTTP_RESPONSE");
    boolean maybeSimple;
    if (simple == null || Boolean.FALSE.equals(simple)) {
      maybeSimple = false;
      if (mode != null && !"iam".equals(mode)) {
        problems.add(where + " expects IAM policies but PORTCULLIS_HTTP_RESPONSE is " + mode);
      }
    } else if (Boolean.TRUE.equals(simple)) {
      maybeSimple = true;
      if (!"simple".equals(mode)) {
        problems.add(where + " expects simple responses but PORTCULLIS_HTTP_RESPONSE is " + mode);
      }
    } else {
      maybeSimple = true;
      List<Object> choice = list(map(simple).get("Fn::If"));
      List<Object> follows =
          choice.size() == 3 ? List.of(choice.get(0), "simple", "iam") : List.of();
      if (!(choice.size() == 3
              && Boolean.TRUE.equals(choice.get(1))
              && Boolean.FALSE.equals(choice.get(2)))
          || !follows.equals(list(map(mode).get("Fn::If")))) {
        problems.add(
            where
                + ": EnableSimpleResponses "
                + simple
                + " and PORTCULLIS_HTTP_RESPONSE "
                + mode
                + " must follow the same condition ([C, true, false] and [C, simple, iam])");
      }
    }
    long routes = httpRoutes(t, api);
    if (maybeSimple
        && routes > 1
        && !list(at(config, "Identity", "Context")).contains("routeKey")) {
      problems.add(
          where
              + " may answer simple responses for "
              + routes
              + " routes without $context.routeKey in its identity sources: a cached answer would"
              + " allow or deny every route alike");
    }
    return problems;
  }

  private static boolean invokePermission(Template t, Object functionArn, String api) {
    for (String id : t.resourcesOfType("AWS::Lambda::Permission")) {
      Map<String, Object> p = t.properties(id);
      String source = String.valueOf(p.get("SourceArn"));
      if (functionArn.equals(p.get("FunctionName"))
          && "lambda:InvokeFunction".equals(p.get("Action"))
          && "apigateway.amazonaws.com".equals(p.get("Principal"))
          && source.contains("${" + api + "}/authorizers/")) {
        return true;
      }
    }
    return false;
  }

  private static long httpRoutes(Template t, String api) {
    return t.resourcesOfType("AWS::Serverless::Function").stream()
        .flatMap(fn -> map(t.properties(fn).get("Events")).values().stream())
        .filter(e -> "HttpApi".equals(map(e).get("Type")))
        .filter(e -> Template.ref(api).equals(at(e, "Properties", "ApiId")))
        .count();
  }

  /** Every route an API's own definition declares names one of its authorizers. */
  private static List<String> everyRouteProtected(Template t, String api, Set<String> authorizers) {
    List<String> problems = new ArrayList<>();
    Map<String, Object> paths = map(at(t.properties(api), "DefinitionBody", "paths"));
    paths.forEach(
        (path, methods) ->
            map(methods)
                .forEach(
                    (method, operation) -> {
                      Set<String> names = new TreeSet<>();
                      list(map(operation).get("security"))
                          .forEach(s -> names.addAll(map(s).keySet()));
                      if (names.isEmpty() || !authorizers.containsAll(names)) {
                        problems.add(
                            api
                                + " "
                                + method.toUpperCase(Locale.ROOT)
                                + " "
                                + path
                                + " is not protected by one of "
                                + authorizers
                                + " (security: "
                                + names
                                + ")");
                      }
                    }));
    return problems;
  }

  /** Routes that functions add to an API get its default authorizer, and none opts out. */
  private static List<String> everyEventProtected(Template t, String api, Set<String> authorizers) {
    List<String> problems = new ArrayList<>();
    Object fallback = at(t.properties(api), "Auth", "DefaultAuthorizer");
    for (String fn : t.resourcesOfType("AWS::Serverless::Function")) {
      map(t.properties(fn).get("Events"))
          .forEach(
              (name, event) -> {
                Map<String, Object> props = map(map(event).get("Properties"));
                Object target =
                    props.containsKey("ApiId") ? props.get("ApiId") : props.get("RestApiId");
                if (!Template.ref(api).equals(target)) {
                  return;
                }
                Object chosen = at(props, "Auth", "Authorizer");
                Object effective = chosen == null ? fallback : chosen;
                if (!authorizers.contains(effective)) {
                  problems.add(
                      fn
                          + " event "
                          + name
                          + " adds "
                          + props.get("Method")
                          + " "
                          + props.get("Path")
                          + " to "
                          + api
                          + " with authorizer "
                          + effective
                          + ", not one of "
                          + authorizers);
                }
              });
    }
    return problems;
  }
}
