package dev.portcullis.bootstrap.template;

import static dev.portcullis.bootstrap.template.AuthorizerLookups.authorizer;
import static dev.portcullis.bootstrap.template.AuthorizerLookups.tableRef;
import static dev.portcullis.bootstrap.template.Template.at;
import static dev.portcullis.bootstrap.template.Template.list;
import static dev.portcullis.bootstrap.template.Template.map;
import static dev.portcullis.bootstrap.template.Template.string;

import dev.portcullis.bootstrap.config.Configuration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The checks of the authorizer's environment: every variable is one Portcullis reads and none is
 * Lambda's, every required one is set, and the table is passed exactly when the chain needs it.
 */
final class EnvironmentChecks {

  /** Read by the JVM, not by Portcullis: deliberate exceptions to the known-variable rule. */
  static final Set<String> JVM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS");

  /** Keys Lambda sets itself and refuses in a function's configuration. */
  static final Set<String> RESERVED_BY_LAMBDA =
      Set.of(
          "_HANDLER",
          "_X_AMZN_TRACE_ID",
          "AWS_DEFAULT_REGION",
          "AWS_REGION",
          "AWS_EXECUTION_ENV",
          "AWS_LAMBDA_FUNCTION_NAME",
          "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
          "AWS_LAMBDA_FUNCTION_VERSION",
          "AWS_LAMBDA_INITIALIZATION_TYPE",
          "AWS_LAMBDA_LOG_GROUP_NAME",
          "AWS_LAMBDA_LOG_STREAM_NAME",
          "AWS_ACCESS_KEY",
          "AWS_ACCESS_KEY_ID",
          "AWS_SECRET_ACCESS_KEY",
          "AWS_SESSION_TOKEN",
          "AWS_LAMBDA_RUNTIME_API",
          "LAMBDA_TASK_ROOT",
          "LAMBDA_RUNTIME_DIR",
          "TZ");

  private EnvironmentChecks() {}

  /** Every variable is one Portcullis reads, none is Lambda's, every required one is set. */
  static List<String> all(Template t) {
    List<String> problems = new ArrayList<>();
    Optional<String> fn = authorizer(t);
    if (fn.isEmpty()) {
      return List.of("no authorizer function, so no environment to check");
    }
    Map<String, Object> variables = map(at(t.properties(fn.get()), "Environment", "Variables"));
    for (String name : variables.keySet()) {
      if (RESERVED_BY_LAMBDA.contains(name)) {
        problems.add(
            name + " is reserved by Lambda, which sets it itself: the deployment would fail");
      } else if (!Configuration.VARIABLES.contains(name) && !JVM_VARIABLES.contains(name)) {
        problems.add(
            name
                + " is set on the authorizer but is not in Configuration.VARIABLES: Portcullis"
                + " refuses unknown PORTCULLIS_* variables at start-up; remove it or fix its name");
      }
    }
    for (String name : new TreeSet<>(Configuration.REQUIRED)) {
      Object value = variables.get(name);
      if (value == null) {
        problems.add(name + " is required by Portcullis but the authorizer does not set it");
      } else if (mayBeAbsent(value)) {
        problems.add(name + " is required by Portcullis but is set only under a condition");
      }
    }
    Object table = variables.get("PORTCULLIS_TABLE");
    Optional<String> tableId = tableRef(table);
    if (tableId.isEmpty() || !"AWS::DynamoDB::Table".equals(t.typeOf(tableId.get()).orElse(null))) {
      problems.add(
          "PORTCULLIS_TABLE must be !Ref of the sessions table (an AWS::DynamoDB::Table), or"
              + " !If [a condition, that !Ref, !Ref AWS::NoValue], got "
              + table);
    }
    problems.addAll(tableFollowsTheChain(t, variables));
    return problems;
  }

  /**
   * {@code PORTCULLIS_TABLE} is set exactly when the chain names dynamodb, for every chain the
   * {@code PORTCULLIS_BACKENDS} parameter allows, and the parameter allows every chain Portcullis
   * accepts and nothing else: Portcullis warns of a table variable for a chain without dynamodb.
   */
  static List<String> tableFollowsTheChain(Template t, Map<String, Object> variables) {
    List<String> problems = new ArrayList<>();
    Object backends = variables.get("PORTCULLIS_BACKENDS");
    if (!(map(backends).get("Ref") instanceof String parameter)
        || !t.parameters().containsKey(parameter)) {
      return List.of("PORTCULLIS_BACKENDS must be !Ref of a parameter, got " + backends);
    }
    Set<String> allowed = new TreeSet<>();
    list(at(t.parameters().get(parameter), "AllowedValues")).forEach(v -> allowed.add(string(v)));
    if (!allowed.equals(BackendChains.ALL)) {
      problems.add(
          "parameter "
              + parameter
              + " must allow exactly the chains Portcullis accepts, "
              + BackendChains.ALL
              + ", got "
              + allowed);
    }
    Object table = variables.get("PORTCULLIS_TABLE");
    for (String chain : allowed) {
      boolean set = new Conditions(t, Map.of(parameter, chain)).value(table) != null;
      boolean dynamodb = List.of(chain.split(",")).contains("dynamodb");
      if (set != dynamodb) {
        problems.add(
            "with "
                + parameter
                + "="
                + chain
                + ", PORTCULLIS_TABLE is "
                + (set ? "set, though the chain does not name dynamodb" : "not set")
                + ": set it exactly when the chain names dynamodb");
      }
    }
    return problems;
  }

  /** True when the value is an Fn::If with an AWS::NoValue branch. */
  private static boolean mayBeAbsent(Object value) {
    List<Object> branches = list(map(value).get("Fn::If"));
    return branches.contains(Template.ref("AWS::NoValue"));
  }
}
