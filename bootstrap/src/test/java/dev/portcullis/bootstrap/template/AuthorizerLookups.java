package dev.portcullis.bootstrap.template;

import static dev.portcullis.bootstrap.template.Template.at;
import static dev.portcullis.bootstrap.template.Template.list;
import static dev.portcullis.bootstrap.template.Template.map;

import dev.portcullis.bootstrap.LambdaHandler;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds Portcullis's parts of a template by meaning, not by logical id: the function with
 * Portcullis's handler, its image twin, and the table its {@code PORTCULLIS_TABLE} names.
 */
final class AuthorizerLookups {

  /** The deployable handler, as DESIGN.md fixes it, built from the class so a rename breaks it. */
  static final String HANDLER = LambdaHandler.class.getName() + "::handleRequest";

  /** The artifact {@code mvn -B package} builds, relative to the repository root. */
  static final String CODE_URI = "bootstrap/target/portcullis.jar";

  private AuthorizerLookups() {}

  /** The functions that run Portcullis's handler; a sound template has exactly one. */
  static List<String> authorizerFunctions(Template t) {
    return t.resourcesOfType("AWS::Serverless::Function").stream()
        .filter(id -> HANDLER.equals(t.properties(id).get("Handler")))
        .toList();
  }

  /** The one function that runs Portcullis's handler, or empty when there is not exactly one. */
  static Optional<String> authorizer(Template t) {
    List<String> functions = authorizerFunctions(t);
    return functions.size() == 1 ? Optional.of(functions.get(0)) : Optional.empty();
  }

  /** The functions packaged as a container image. */
  static List<String> imageFunctions(Template t) {
    return t.resourcesOfType("AWS::Serverless::Function").stream()
        .filter(id -> "Image".equals(t.properties(id).get("PackageType")))
        .toList();
  }

  /** The table that the authorizer's PORTCULLIS_TABLE names. */
  static Optional<String> sessionTable(Template t) {
    return authorizer(t)
        .flatMap(
            fn -> tableRef(at(t.properties(fn), "Environment", "Variables", "PORTCULLIS_TABLE")))
        .filter(id -> "AWS::DynamoDB::Table".equals(t.typeOf(id).orElse(null)));
  }

  /**
   * The table a {@code PORTCULLIS_TABLE} value names: {@code !Ref TABLE}, or {@code !If [C, !Ref
   * TABLE, !Ref AWS::NoValue]}.
   */
  static Optional<String> tableRef(Object value) {
    Map<String, Object> node = map(value);
    if (node.get("Ref") instanceof String id) {
      return Optional.of(id);
    }
    List<Object> branches = list(node.get("Fn::If"));
    if (branches.size() == 3 && Template.ref("AWS::NoValue").equals(branches.get(2))) {
      return tableRef(branches.get(1));
    }
    return Optional.empty();
  }

  /** The condition a resource is created under, or {@code "null"} when it has none. */
  static String conditionOf(Template t, String id) {
    return String.valueOf(map(t.resources().get(id)).get("Condition"));
  }
}
