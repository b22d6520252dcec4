package dev.portcullis.bootstrap.template;

import static dev.portcullis.bootstrap.template.Template.at;
import static dev.portcullis.bootstrap.template.Template.list;
import static dev.portcullis.bootstrap.template.Template.map;
import static dev.portcullis.bootstrap.template.Template.string;

import dev.portcullis.bootstrap.LambdaHandler;
import dev.portcullis.bootstrap.config.Configuration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;

/**
 * The checks that {@code template.yaml} deploys what Portcullis expects. Each returns the problems
 * it found, in words an operator can act on; an empty list means the check passed. They find the
 * authorizer, its role and its table by meaning (the function with Portcullis's handler, the role
 * it runs as, the table its {@code PORTCULLIS_TABLE} names), not by logical id.
 */
final class TemplateChecks {

  /** The deployable handler, as DESIGN.md fixes it, built from the class so a rename breaks it. */
  static final String HANDLER = LambdaHandler.class.getName() + "::handleRequest";

  /** The artifact {@code mvn -B package} builds, relative to the repository root. */
  static final String CODE_URI = "bootstrap/target/portcullis.jar";

  /** Managed runtimes that run the jar; java25 is the one whose JVM has AOT caches. */
  static final Set<String> RUNTIMES = Set.of("java21", "java25");

  /** What the image function states differently from the zip one: how its code is packaged. */
  static final Set<String> PACKAGING_PROPERTIES =
      Set.of("Runtime", "Handler", "CodeUri", "PackageType", "ImageUri");

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

  /** The only managed policy the authorizer's role may carry: CloudWatch Logs, nothing else. */
  static final String BASIC_EXECUTION_POLICY = "policy/service-role/AWSLambdaBasicExecutionRole";

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

  private TemplateChecks() {}

  /** Every check, for one assertion on the real template. */
  static List<String> all(Template t) {
    List<String> problems = new ArrayList<>();
    problems.addAll(function(t));
    problems.addAll(imageFunction(t));
    problems.addAll(environment(t));
    problems.addAll(table(t));
    problems.addAll(role(t));
    problems.addAll(references(t));
    problems.addAll(authorizers(t));
    problems.addAll(outputs(t));
    problems.addAll(DirectIntegrationChecks.all(t));
    return problems;
  }

  // ---------------------------------------------------------------------------------------------

  /** The one function that runs Portcullis: its handler, runtime and artifact. */
  static List<String> function(Template t) {
    List<String> problems = new ArrayList<>();
    List<String> authorizers = authorizerFunctions(t);
    if (authorizers.size() != 1) {
      problems.add(
          "expected exactly one AWS::Serverless::Function with Handler "
              + HANDLER
              + ", found "
              + authorizers);
      return problems;
    }
    Map<String, Object> props = t.properties(authorizers.get(0));
    if (!RUNTIMES.contains(props.get("Runtime"))) {
      problems.add(
          "the authorizer's Runtime is " + props.get("Runtime") + ": use one of " + RUNTIMES);
    }
    if (!CODE_URI.equals(props.get("CodeUri"))) {
      problems.add(
          "the authorizer's CodeUri is " + props.get("CodeUri") + ", not the built " + CODE_URI);
    }
    if (!Boolean.TRUE.equals(at(t.resources().get(authorizers.get(0)), "Metadata", "SkipBuild"))) {
      problems.add(
          "the authorizer lacks Metadata.SkipBuild: true, so `sam build` would try to build the"
              + " prebuilt jar");
    }
    if (!"JSON".equals(at(props, "LoggingConfig", "LogFormat"))) {
      problems.add("the authorizer's LoggingConfig.LogFormat is not JSON");
    }
    return problems;
  }

  /** Every variable is one Portcullis reads, none is Lambda's, every required one is set. */
  static List<String> environment(Template t) {
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

  /** The sessions table is the one the adapter creates, kept safe. */
  static List<String> table(Template t) {
    List<String> problems = new ArrayList<>();
    Optional<String> id = sessionTable(t);
    if (id.isEmpty()) {
      return List.of("PORTCULLIS_TABLE names no AWS::DynamoDB::Table of this template");
    }
    Map<String, Object> resource = map(t.resources().get(id.get()));
    Map<String, Object> props = map(resource.get("Properties"));
    SessionAdapter.TableShape adapter = SessionAdapter.table();
    CreateTableRequest create = adapter.create();
    String table = "table " + id.get() + ": ";

    expect(problems, table + "BillingMode", create.billingModeAsString(), props.get("BillingMode"));
    Map<String, String> attributes = new LinkedHashMap<>();
    create
        .attributeDefinitions()
        .forEach(a -> attributes.put(a.attributeName(), a.attributeTypeAsString()));
    Map<String, Object> declared = new LinkedHashMap<>();
    list(props.get("AttributeDefinitions"))
        .forEach(
            a -> declared.put(string(map(a).get("AttributeName")), map(a).get("AttributeType")));
    expect(problems, table + "AttributeDefinitions", attributes, declared);
    expect(problems, table + "KeySchema", keys(create.keySchema()), keysOf(props.get("KeySchema")));

    Map<String, Object> indexes = new LinkedHashMap<>();
    list(props.get("GlobalSecondaryIndexes"))
        .forEach(i -> indexes.put(string(map(i).get("IndexName")), i));
    Set<String> expectedIndexes =
        create.globalSecondaryIndexes().stream()
            .map(GlobalSecondaryIndex::indexName)
            .collect(Collectors.toCollection(TreeSet::new));
    expect(
        problems,
        table + "GlobalSecondaryIndexes",
        expectedIndexes,
        new TreeSet<>(indexes.keySet()));
    for (GlobalSecondaryIndex index : create.globalSecondaryIndexes()) {
      Object declaredIndex = indexes.get(index.indexName());
      if (declaredIndex != null) {
        String name = table + "index " + index.indexName() + " ";
        expect(
            problems,
            name + "KeySchema",
            keys(index.keySchema()),
            keysOf(at(declaredIndex, "KeySchema")));
        expect(
            problems,
            name + "ProjectionType",
            index.projection().projectionTypeAsString(),
            at(declaredIndex, "Projection", "ProjectionType"));
      }
    }
    expect(
        problems,
        table + "TimeToLiveSpecification.AttributeName",
        adapter.ttlAttribute(),
        at(props, "TimeToLiveSpecification", "AttributeName"));
    expect(
        problems,
        table + "TimeToLiveSpecification.Enabled",
        true,
        at(props, "TimeToLiveSpecification", "Enabled"));
    expect(
        problems,
        table + "PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled",
        true,
        at(props, "PointInTimeRecoverySpecification", "PointInTimeRecoveryEnabled"));
    expect(problems, table + "DeletionPolicy", "Retain", resource.get("DeletionPolicy"));
    expect(problems, table + "UpdateReplacePolicy", "Retain", resource.get("UpdateReplacePolicy"));
    return problems;
  }

  /** The authorizer's role allows exactly what its path calls, on the sessions table only. */
  static List<String> role(Template t) {
    List<String> problems = new ArrayList<>();
    Optional<String> fn = authorizer(t);
    Optional<String> tableId = sessionTable(t);
    if (fn.isEmpty() || tableId.isEmpty()) {
      return List.of("no authorizer function or no sessions table, so no role to check");
    }
    Map<String, Object> props = t.properties(fn.get());
    if (props.containsKey("Policies")) {
      problems.add(
          "the authorizer has SAM Policies: with its own Role, grant everything in that role only");
    }
    List<Object> getAtt = list(map(props.get("Role")).get("Fn::GetAtt"));
    String roleId =
        getAtt.size() == 2 && "Arn".equals(getAtt.get(1)) ? string(getAtt.get(0)) : null;
    if (roleId == null || !"AWS::IAM::Role".equals(t.typeOf(roleId).orElse(null))) {
      problems.add(
          "the authorizer's Role must be !GetAtt ROLE.Arn of an AWS::IAM::Role of this template,"
              + " got "
              + props.get("Role"));
      return problems;
    }
    Map<String, Object> role = t.properties(roleId);
    for (Object statement : list(at(role, "AssumeRolePolicyDocument", "Statement"))) {
      Object service = at(statement, "Principal", "Service");
      if (!"lambda.amazonaws.com".equals(service)) {
        problems.add(roleId + " may be assumed by " + service + ", not only by Lambda");
      }
    }
    for (Object arn : list(role.get("ManagedPolicyArns"))) {
      String text = arn instanceof String s ? s : string(map(arn).get("Fn::Sub"));
      if (text == null || !text.endsWith(BASIC_EXECUTION_POLICY)) {
        problems.add(
            roleId
                + " carries the managed policy "
                + arn
                + ": only AWSLambdaBasicExecutionRole (logs) is allowed");
      }
    }
    for (String other : t.resourcesOfType("AWS::IAM::Policy")) {
      if (list(t.properties(other).get("Roles")).contains(Template.ref(roleId))) {
        problems.add(other + " attaches further permissions to " + roleId);
      }
    }
    Set<String> expected = SessionAdapter.authorizerActions();
    Set<String> granted = new TreeSet<>();
    Object tableArn = Map.of("Fn::GetAtt", List.of(tableId.get(), "Arn"));
    for (Object policy : list(role.get("Policies"))) {
      for (Object statement : list(at(policy, "PolicyDocument", "Statement"))) {
        Map<String, Object> s = map(statement);
        if (s.containsKey("NotAction") || s.containsKey("NotResource")) {
          problems.add(roleId + " has a NotAction or NotResource statement: name actions instead");
        }
        if (!"Allow".equals(s.get("Effect"))) {
          continue;
        }
        List<Object> actions = oneOrMany(s.get("Action"));
        List<Object> resources = oneOrMany(s.get("Resource"));
        for (Object action : actions) {
          granted.add(String.valueOf(action));
        }
        for (Object resource : resources) {
          if (!tableArn.equals(resource)) {
            problems.add(
                roleId
                    + " grants "
                    + actions
                    + " on "
                    + resource
                    + ": grant only on the sessions table, !GetAtt "
                    + tableId.get()
                    + ".Arn");
          }
        }
      }
    }
    for (String action : expected) {
      if (!granted.contains(action)) {
        problems.add(
            "the authorizer calls "
                + action
                + " but "
                + roleId
                + " does not allow it: every lookup would fail (500)");
      }
    }
    for (String action : granted) {
      if (!expected.contains(action)) {
        problems.add(
            roleId
                + " allows "
                + action
                + ", which the authorizer never calls (it calls only "
                + expected
                + "): remove it");
      }
    }
    return problems;
  }

  /** Every Ref, GetAtt, Sub variable and condition name resolves to something defined. */
  static List<String> references(Template t) {
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
              Object dependsOn = map(resource).get("DependsOn");
              List<Object> names =
                  dependsOn instanceof List
                      ? list(dependsOn)
                      : dependsOn == null ? List.of() : List.of(dependsOn);
              for (Object name : names) {
                if (!t.resources().containsKey(name)) {
                  problems.add(id + " DependsOn " + name + ", which is not a resource");
                }
              }
            });
    return problems;
  }

  /** The APIs' authorizers are Portcullis, may invoke it, and cache safely. */
  static List<String> authorizers(Template t) {
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

  /** The stack tells its user the URLs, the table, and how to issue a first session. */
  static List<String> outputs(Template t) {
    List<String> problems = new ArrayList<>();
    Optional<String> table = sessionTable(t);
    String all = String.valueOf(t.outputs());
    for (String api : t.resourcesOfType("AWS::Serverless::Api")) {
      requireOutput(problems, all, "${" + api + "}.execute-api", "the URL of " + api);
    }
    for (String api : t.resourcesOfType("AWS::Serverless::HttpApi")) {
      requireOutput(problems, all, "${" + api + "}.execute-api", "the URL of " + api);
    }
    table.ifPresent(id -> requireOutput(problems, all, "{Ref=" + id + "}", "the table name"));
    table.ifPresent(
        id ->
            requireOutput(
                problems,
                all,
                "PORTCULLIS_BACKENDS=dynamodb PORTCULLIS_TABLE=${"
                    + id
                    + "} AWS_REGION=${AWS::Region}",
                "the first session's environment"));
    requireOutput(
        problems,
        all,
        "java -jar " + CODE_URI + " sessions issue --principal alice --roles admin --ttl 8h",
        "the first session's command");
    authorizer(t)
        .map(fn -> at(t.properties(fn), "Environment", "Variables", "PORTCULLIS_RULES", "Ref"))
        .ifPresent(
            rules ->
                requireOutput(
                    problems,
                    all,
                    "PORTCULLIS_RULES='${" + rules + "}'",
                    "the deployed rules, so that sessions issue knows the roles"));
    return problems;
  }

  // ---------------------------------------------------------------------------------------------

  /** The ways a reference may name function {@code id}: its alias, itself, or its ARN. */
  private static List<Object> invocations(String id) {
    return List.of(
        Template.ref(id + ".Alias"), Template.ref(id), Map.of("Fn::GetAtt", List.of(id, "Arn")));
  }

  private static String conditionOf(Template t, String id) {
    return String.valueOf(map(t.resources().get(id)).get("Condition"));
  }

  /**
   * The authorizer packaged as a container image, when the template offers one: the same
   * configuration as the zip function, all but how the code is packaged, so that the two never
   * drift apart, and each under a condition, so that a stack holds one of them.
   */
  static List<String> imageFunction(Template t) {
    List<String> images = imageFunctions(t);
    Optional<String> zip = authorizer(t);
    if (images.isEmpty() || zip.isEmpty()) {
      return List.of();
    }
    if (images.size() > 1) {
      return List.of("expected at most one image function, found " + images);
    }
    List<String> problems = new ArrayList<>();
    String image = images.get(0);
    Map<String, Object> imageProps = new LinkedHashMap<>(t.properties(image));
    Map<String, Object> zipProps = new LinkedHashMap<>(t.properties(zip.get()));
    Object imageUri = imageProps.get("ImageUri");
    if (!(imageUri instanceof Map<?, ?> ref && t.parameters().containsKey(ref.get("Ref")))) {
      problems.add(image + "'s ImageUri is " + imageUri + ", not a Ref to a parameter");
    }
    imageProps.keySet().removeAll(PACKAGING_PROPERTIES);
    zipProps.keySet().removeAll(PACKAGING_PROPERTIES);
    for (String key : new TreeSet<>(zipProps.keySet())) {
      if (!Objects.equals(zipProps.get(key), imageProps.get(key))) {
        problems.add(image + "'s " + key + " differs from " + zip.get() + "'s");
      }
    }
    for (String key : new TreeSet<>(imageProps.keySet())) {
      if (!zipProps.containsKey(key)) {
        problems.add(image + " sets " + key + ", which " + zip.get() + " does not");
      }
    }
    String imageCondition = conditionOf(t, image);
    String zipCondition = conditionOf(t, zip.get());
    if (imageCondition.equals("null")
        || zipCondition.equals("null")
        || imageCondition.equals(zipCondition)) {
      problems.add(
          image + " and " + zip.get() + " need two different conditions, so a stack holds one");
    }
    return problems;
  }

  static List<String> imageFunctions(Template t) {
    return t.resourcesOfType("AWS::Serverless::Function").stream()
        .filter(id -> "Image".equals(t.properties(id).get("PackageType")))
        .toList();
  }

  static List<String> authorizerFunctions(Template t) {
    return t.resourcesOfType("AWS::Serverless::Function").stream()
        .filter(id -> HANDLER.equals(t.properties(id).get("Handler")))
        .toList();
  }

  static Optional<String> authorizer(Template t) {
    List<String> functions = authorizerFunctions(t);
    return functions.size() == 1 ? Optional.of(functions.get(0)) : Optional.empty();
  }

  /** The table that the authorizer's PORTCULLIS_TABLE names. */
  static Optional<String> sessionTable(Template t) {
    return authorizer(t)
        .flatMap(
            fn -> tableRef(at(t.properties(fn), "Environment", "Variables", "PORTCULLIS_TABLE")))
        .filter(id -> "AWS::DynamoDB::Table".equals(t.typeOf(id).orElse(null)));
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

  private static void requireOutput(
      List<String> problems, String outputs, String text, String what) {
    if (!outputs.contains(text)) {
      problems.add("the outputs do not give " + what + " (expected to find: " + text + ")");
    }
  }

  /** IAM's "one value or a list of values". */
  private static List<Object> oneOrMany(Object value) {
    return value instanceof List ? list(value) : value == null ? List.of() : List.of(value);
  }

  /** True when the value is an Fn::If with an AWS::NoValue branch. */
  private static boolean mayBeAbsent(Object value) {
    List<Object> branches = list(map(value).get("Fn::If"));
    return branches.contains(Template.ref("AWS::NoValue"));
  }

  private static void expect(List<String> problems, String what, Object expected, Object actual) {
    if (!Objects.equals(expected, actual)) {
      problems.add(what + " is " + actual + " but the DynamoDB adapter expects " + expected);
    }
  }

  private static List<String> keys(List<KeySchemaElement> schema) {
    return schema.stream().map(k -> k.attributeName() + " " + k.keyTypeAsString()).toList();
  }

  private static List<String> keysOf(Object schema) {
    return list(schema).stream()
        .map(k -> map(k).get("AttributeName") + " " + map(k).get("KeyType"))
        .toList();
  }
}
