package dev.portcullis.bootstrap.template;

import static dev.portcullis.bootstrap.template.Template.at;
import static dev.portcullis.bootstrap.template.Template.list;
import static dev.portcullis.bootstrap.template.Template.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.adapters.dynamodb.SessionTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@code template.yaml} passes every check, and each check fails on a copy broken on purpose: the
 * checks are proven to bite.
 */
class TemplateTest {

  @Test
  void the_repository_template_passes_every_check() {
    assertThat(TemplateChecks.all(Template.repository())).isEmpty();
  }

  /** The parser: CloudFormation's short forms become long forms; nothing unknown slips by. */
  @Nested
  class Parsing {

    @Test
    void short_form_tags_read_as_their_long_form() {
      Map<String, Object> root =
          CloudFormationYaml.parse(
              """
              A: !Ref Table
              B: !GetAtt Table.Arn
              C: !Sub "arn:${AWS::Partition}:x"
              D: !If [Cond, !Ref AWS::NoValue, !Join [",", [a, b]]]
              E: !Not [!Equals [!Ref P, ""]]
              F: !Condition Cond
              """);

      assertThat(root.get("A")).isEqualTo(Map.of("Ref", "Table"));
      assertThat(root.get("B")).isEqualTo(Map.of("Fn::GetAtt", List.of("Table", "Arn")));
      assertThat(root.get("C")).isEqualTo(Map.of("Fn::Sub", "arn:${AWS::Partition}:x"));
      assertThat(root.get("D"))
          .isEqualTo(
              Map.of(
                  "Fn::If",
                  List.of(
                      "Cond",
                      Map.of("Ref", "AWS::NoValue"),
                      Map.of("Fn::Join", List.of(",", List.of("a", "b"))))));
      assertThat(root.get("E"))
          .isEqualTo(
              Map.of("Fn::Not", List.of(Map.of("Fn::Equals", List.of(Map.of("Ref", "P"), "")))));
      assertThat(root.get("F")).isEqualTo(Map.of("Condition", "Cond"));
    }

    @Test
    void a_tag_cloudformation_does_not_define_fails_the_parse() {
      assertThatThrownBy(() -> CloudFormationYaml.parse("A: !Reff Table"))
          .hasMessageContaining("!Reff");
    }

    @Test
    void a_duplicate_key_fails_the_parse() {
      assertThatThrownBy(() -> CloudFormationYaml.parse("A: 1\nA: 2"))
          .hasMessageContaining("duplicate key A");
    }
  }

  /** The one function that runs Portcullis. */
  @Nested
  class Function {

    @Test
    void the_authorizer_runs_the_portcullis_handler_from_the_built_jar_on_java() {
      assertThat(TemplateChecks.function(Template.repository())).isEmpty();
    }

    @Test
    void a_handler_that_is_not_portcullis_is_reported() {
      Template t = Template.repository();
      authorizerProps(t).put("Handler", "dev.portcullis.bootstrap.Handler::handleRequest");

      assertThat(TemplateChecks.function(t))
          .singleElement()
          .asString()
          .contains("expected exactly one AWS::Serverless::Function with Handler");
    }

    @Test
    void another_runtime_artifact_build_or_log_format_is_reported() {
      Template t = Template.repository();
      authorizerProps(t).put("Runtime", "java8.al2");
      authorizerProps(t).put("CodeUri", "target/portcullis.jar");
      authorizerProps(t).remove("LoggingConfig");
      map(t.resources().get("AuthorizerFunction")).remove("Metadata");

      assertThat(TemplateChecks.function(t))
          .hasSize(4)
          .anySatisfy(p -> assertThat(p).contains("lacks Metadata.SkipBuild"))
          .anySatisfy(p -> assertThat(p).contains("Runtime is java8.al2"))
          .anySatisfy(p -> assertThat(p).contains("CodeUri is target/portcullis.jar"))
          .anySatisfy(p -> assertThat(p).contains("LogFormat is not JSON"));
    }
  }

  /** The same authorizer as a container image, for Packaging=Image. */
  @Nested
  class ImageFunction {

    @Test
    void the_image_function_runs_the_zip_functions_configuration_under_its_own_condition() {
      Template t = Template.repository();

      assertThat(TemplateChecks.imageFunctions(t)).containsExactly("AuthorizerImageFunction");
      assertThat(TemplateChecks.imageFunction(t)).isEmpty();
    }

    @Test
    void an_image_function_that_drifts_from_the_zip_one_is_reported() {
      Template t = Template.repository();
      Map<String, Object> image = t.properties("AuthorizerImageFunction");
      image.put("Timeout", 30);
      image.put("Tracing", "Active");
      image.put("ImageUri", "123456789012.dkr.ecr.eu-west-1.amazonaws.com/portcullis:1");
      map(t.resources().get("AuthorizerImageFunction")).remove("Condition");

      assertThat(TemplateChecks.imageFunction(t))
          .hasSize(4)
          .anySatisfy(p -> assertThat(p).contains("Timeout differs"))
          .anySatisfy(p -> assertThat(p).contains("sets Tracing"))
          .anySatisfy(p -> assertThat(p).contains("not a Ref to a parameter"))
          .anySatisfy(p -> assertThat(p).contains("two different conditions"));
    }
  }

  /** Routes straight to an AWS service reach one resource, keyed on the vouched-for principal. */
  @Nested
  class DirectIntegrations {

    @Test
    void the_sqs_and_dynamodb_routes_each_reach_their_one_resource() {
      Template t = Template.repository();

      assertThat(DirectIntegrationChecks.routes(t))
          .extracting(DirectIntegrationChecks.Route::toString)
          .containsExactlyInAnyOrder("RestApi POST /orders", "RestApi GET /me/orders");
      assertThat(DirectIntegrationChecks.all(t)).isEmpty();
    }

    @Test
    void a_role_with_a_wildcard_action_or_resource_is_reported() {
      Template t = Template.repository();
      Map<String, Object> statement = onlyStatement(t, "ApiToDynamoDbRole");
      statement.put("Action", "dynamodb:*");
      statement.put("Resource", "*");

      assertThat(DirectIntegrationChecks.all(t))
          .anySatisfy(p -> assertThat(p).contains("allows dynamodb:*: name exactly one action"))
          .anySatisfy(p -> assertThat(p).contains("reaches *: grant only on one resource"));
    }

    @Test
    void a_query_keyed_on_a_value_the_caller_sends_is_reported() {
      Template t = Template.repository();
      Map<String, Object> templates = requestTemplates(t);
      templates.put(
          "application/json",
          Map.of(
              "Fn::Sub",
              String.valueOf(map(templates.get("application/json")).get("Fn::Sub"))
                  .replace("$context.authorizer.principalId", "$input.params('user')")));

      assertThat(DirectIntegrationChecks.all(t))
          .anySatisfy(p -> assertThat(p).contains("does not key its request on"))
          .anySatisfy(p -> assertThat(p).contains("from $input.params, a value the caller"));
    }

    @Test
    void a_query_of_another_table_or_action_than_the_role_grants_is_reported() {
      Template t = Template.repository();
      Map<String, Object> templates = requestTemplates(t);
      templates.put(
          "application/json",
          Map.of(
              "Fn::Sub",
              String.valueOf(map(templates.get("application/json")).get("Fn::Sub"))
                  .replace("${OrdersTable}", "${SessionTable}")));
      onlyStatement(t, "ApiToDynamoDbRole").put("Action", "dynamodb:Scan");

      assertThat(DirectIntegrationChecks.all(t))
          .anySatisfy(p -> assertThat(p).contains("queries SessionTable but its role grants"))
          .anySatisfy(p -> assertThat(p).contains("calls dynamodb:Query but its role allows"));
    }

    private Map<String, Object> onlyStatement(Template t, String role) {
      Object policy = list(t.properties(role).get("Policies")).get(0);
      return map(list(at(policy, "PolicyDocument", "Statement")).get(0));
    }

    private Map<String, Object> requestTemplates(Template t) {
      return map(
          at(
              t.properties("RestApi"),
              "DefinitionBody",
              "paths",
              "/me/orders",
              "get",
              "x-amazon-apigateway-integration",
              "requestTemplates"));
    }
  }

  /** The authorizer's environment against Configuration.VARIABLES and REQUIRED. */
  @Nested
  class Environment {

    @Test
    void every_variable_is_one_portcullis_reads_and_every_required_one_is_set() {
      assertThat(TemplateChecks.environment(Template.repository())).isEmpty();
    }

    @Test
    void a_misspelt_variable_is_reported() {
      Template t = Template.repository();
      variables(t).put("PORTCULLIS_TABEL", "sessions");

      assertThat(TemplateChecks.environment(t))
          .singleElement()
          .asString()
          .startsWith("PORTCULLIS_TABEL is set on the authorizer but is not in");
    }

    @Test
    void a_variable_lambda_reserves_is_reported() {
      Template t = Template.repository();
      variables(t).put("AWS_REGION", "eu-west-1");

      assertThat(TemplateChecks.environment(t))
          .singleElement()
          .asString()
          .startsWith("AWS_REGION is reserved by Lambda");
    }

    @Test
    void a_missing_required_variable_is_reported() {
      Template t = Template.repository();
      variables(t).remove("PORTCULLIS_RULES");

      assertThat(TemplateChecks.environment(t))
          .singleElement()
          .asString()
          .isEqualTo(
              "PORTCULLIS_RULES is required by Portcullis but the authorizer does not set it");
    }

    @Test
    void a_required_variable_set_only_under_a_condition_is_reported() {
      Template t = Template.repository();
      variables(t)
          .put(
              "PORTCULLIS_RULES",
              Map.of(
                  "Fn::If",
                  List.of("HasJwtIssuer", Template.ref("Rules"), Template.ref("AWS::NoValue"))));

      assertThat(TemplateChecks.environment(t))
          .singleElement()
          .asString()
          .contains("set only under a condition");
    }

    @Test
    void a_table_variable_that_does_not_name_the_table_resource_is_reported() {
      Template t = Template.repository();
      variables(t).put("PORTCULLIS_TABLE", "portcullis-sessions");

      assertThat(TemplateChecks.environment(t))
          .first()
          .asString()
          .startsWith("PORTCULLIS_TABLE must be !Ref of the sessions table");
    }

    @Test
    void the_table_is_passed_exactly_when_the_chain_names_dynamodb() {
      Template t = Template.repository();
      Conditions jwtOnly = new Conditions(t, Map.of("Backends", "jwt"));
      Conditions both = new Conditions(t, Map.of("Backends", "jwt,dynamodb"));
      Object table = variables(t).get("PORTCULLIS_TABLE");

      assertThat(jwtOnly.holds("HasDynamoDb")).isFalse();
      assertThat(jwtOnly.value(table)).isNull();
      assertThat(both.holds("HasDynamoDb")).isTrue();
      assertThat(both.value(table)).isEqualTo(Template.ref("SessionTable"));
      assertThat(BackendChains.ALL).hasSize(15).contains("dynamodb", "jwt,memory,dynamodb");
    }

    @Test
    void a_table_passed_to_a_chain_without_dynamodb_is_reported() {
      Template t = Template.repository();
      variables(t).put("PORTCULLIS_TABLE", Template.ref("SessionTable"));

      assertThat(TemplateChecks.environment(t))
          .hasSize(4)
          .allSatisfy(
              p ->
                  assertThat(p)
                      .contains("PORTCULLIS_TABLE is set, though the chain does not name dynamodb"))
          .anySatisfy(p -> assertThat(p).startsWith("with Backends=jwt,"));
    }

    @Test
    void a_chain_parameter_that_allows_a_chain_portcullis_refuses_is_reported() {
      Template t = Template.repository();
      List<Object> allowed =
          new java.util.ArrayList<>(
              Template.list(Template.at(t.parameters().get("Backends"), "AllowedValues")));
      allowed.add("dynamodb,ldap");
      Template.map(t.parameters().get("Backends")).put("AllowedValues", allowed);

      assertThat(TemplateChecks.environment(t))
          .anySatisfy(
              p ->
                  assertThat(p)
                      .startsWith(
                          "parameter Backends must allow exactly the chains Portcullis accepts"));
    }
  }

  /** The sessions table against what SessionTableAdmin creates. */
  @Nested
  class Table {

    @Test
    void the_adapter_creates_the_table_that_session_table_names() {
      SessionAdapter.TableShape shape = SessionAdapter.table();

      assertThat(shape.ttlAttribute()).isEqualTo(SessionTable.TTL_ATTRIBUTE);
      assertThat(shape.create().keySchema().get(0).attributeName())
          .isEqualTo(SessionTable.PARTITION_KEY);
      assertThat(shape.create().globalSecondaryIndexes().get(0).indexName())
          .isEqualTo(SessionTable.BY_PRINCIPAL_INDEX);
    }

    @Test
    void the_table_matches_what_the_adapter_creates_and_survives_the_stack() {
      assertThat(TemplateChecks.table(Template.repository())).isEmpty();
    }

    @Test
    void another_partition_key_is_reported() {
      Template t = Template.repository();
      map(list(tableProps(t).get("KeySchema")).get(0)).put("AttributeName", "token");

      assertThat(TemplateChecks.table(t))
          .singleElement()
          .asString()
          .startsWith("table SessionTable: KeySchema is [token HASH]");
    }

    @Test
    void a_key_attribute_of_another_type_is_reported() {
      Template t = Template.repository();
      map(list(tableProps(t).get("AttributeDefinitions")).get(2)).put("AttributeType", "S");

      assertThat(TemplateChecks.table(t))
          .singleElement()
          .asString()
          .contains("AttributeDefinitions is {pk=S, principalId=S, expiresAt=S}");
    }

    @Test
    void an_index_with_another_projection_or_sort_key_is_reported() {
      Template t = Template.repository();
      Map<String, Object> index = map(list(tableProps(t).get("GlobalSecondaryIndexes")).get(0));
      map(index.get("Projection")).put("ProjectionType", "KEYS_ONLY");
      list(index.get("KeySchema")).remove(1);

      assertThat(TemplateChecks.table(t))
          .hasSize(2)
          .anySatisfy(p -> assertThat(p).contains("index byPrincipal ProjectionType is KEYS_ONLY"))
          .anySatisfy(
              p -> assertThat(p).contains("index byPrincipal KeySchema is [principalId HASH]"));
    }

    @Test
    void a_renamed_index_is_reported() {
      Template t = Template.repository();
      map(list(tableProps(t).get("GlobalSecondaryIndexes")).get(0)).put("IndexName", "principal");

      assertThat(TemplateChecks.table(t))
          .singleElement()
          .asString()
          .contains("GlobalSecondaryIndexes is [principal]");
    }

    @Test
    void another_ttl_attribute_is_reported() {
      Template t = Template.repository();
      map(tableProps(t).get("TimeToLiveSpecification")).put("AttributeName", "ttl");

      assertThat(TemplateChecks.table(t))
          .singleElement()
          .asString()
          .contains("TimeToLiveSpecification.AttributeName is ttl");
    }

    @Test
    void a_table_lost_with_the_stack_or_without_recovery_is_reported() {
      Template t = Template.repository();
      map(t.resources().get("SessionTable")).remove("DeletionPolicy");
      map(t.resources().get("SessionTable")).put("UpdateReplacePolicy", "Delete");
      tableProps(t).remove("PointInTimeRecoverySpecification");

      assertThat(TemplateChecks.table(t))
          .hasSize(3)
          .anySatisfy(p -> assertThat(p).contains("DeletionPolicy is null"))
          .anySatisfy(p -> assertThat(p).contains("UpdateReplacePolicy is Delete"))
          .anySatisfy(p -> assertThat(p).contains("PointInTimeRecoveryEnabled is null"));
    }

    @Test
    void provisioned_capacity_is_reported() {
      Template t = Template.repository();
      tableProps(t).put("BillingMode", "PROVISIONED");

      assertThat(TemplateChecks.table(t))
          .singleElement()
          .asString()
          .contains("BillingMode is PROVISIONED");
    }
  }

  /** The authorizer's role against the calls its path really makes. */
  @Nested
  class Role {

    @Test
    void the_authorizer_path_calls_get_item_and_nothing_else() {
      assertThat(SessionAdapter.authorizerActions()).containsExactly("dynamodb:GetItem");
    }

    @Test
    void the_role_allows_exactly_get_item_on_the_table() {
      assertThat(TemplateChecks.role(Template.repository())).isEmpty();
    }

    @Test
    void an_action_the_authorizer_never_calls_is_reported() {
      Template t = Template.repository();
      statement(t)
          .put("Action", new ArrayList<Object>(List.of("dynamodb:GetItem", "dynamodb:Scan")));

      assertThat(TemplateChecks.role(t))
          .singleElement()
          .asString()
          .contains("allows dynamodb:Scan, which the authorizer never calls");
    }

    @Test
    void a_missing_action_is_reported() {
      Template t = Template.repository();
      statement(t).put("Action", "dynamodb:Query");

      assertThat(TemplateChecks.role(t))
          .hasSize(2)
          .anySatisfy(
              p ->
                  assertThat(p)
                      .contains("calls dynamodb:GetItem but AuthorizerRole does not allow it"))
          .anySatisfy(p -> assertThat(p).contains("allows dynamodb:Query"));
    }

    @Test
    void a_grant_on_every_resource_is_reported() {
      Template t = Template.repository();
      statement(t).put("Resource", "*");

      assertThat(TemplateChecks.role(t))
          .singleElement()
          .asString()
          .contains("grants [dynamodb:GetItem] on *: grant only on the sessions table");
    }

    @Test
    void a_grant_on_the_index_is_reported() {
      Template t = Template.repository();
      statement(t).put("Resource", Map.of("Fn::Sub", "${SessionTable.Arn}/index/*"));

      assertThat(TemplateChecks.role(t)).singleElement().asString().contains("/index/*");
    }

    @Test
    void a_broader_managed_policy_is_reported() {
      Template t = Template.repository();
      list(map(t.properties("AuthorizerRole")).get("ManagedPolicyArns"))
          .add("arn:aws:iam::aws:policy/AmazonDynamoDBReadOnlyAccess");

      assertThat(TemplateChecks.role(t))
          .singleElement()
          .asString()
          .contains("AmazonDynamoDBReadOnlyAccess: only AWSLambdaBasicExecutionRole");
    }

    @Test
    void sam_policies_beside_the_role_are_reported() {
      Template t = Template.repository();
      authorizerProps(t).put("Policies", List.of("AmazonDynamoDBFullAccess"));

      assertThat(TemplateChecks.role(t)).singleElement().asString().contains("SAM Policies");
    }

    private Map<String, Object> statement(Template t) {
      Object policy = list(t.properties("AuthorizerRole").get("Policies")).get(0);
      return map(list(at(policy, "PolicyDocument", "Statement")).get(0));
    }
  }

  /** Ref, GetAtt, Sub variables and conditions all resolve. */
  @Nested
  class References {

    @Test
    void every_reference_resolves() {
      assertThat(TemplateChecks.references(Template.repository())).isEmpty();
    }

    @Test
    void sam_generated_names_are_the_ones_sam_generates_here() {
      assertThat(TemplateChecks.samGenerated(Template.repository()))
          .containsExactlyInAnyOrder(
              "AuthorizerFunction.Alias",
              "AuthorizerFunction.Version",
              "AuthorizerImageFunction.Alias",
              "AuthorizerImageFunction.Version",
              "EchoFunctionRole",
              "RestApi.Stage",
              "RestApi.Deployment");
    }

    @Test
    void a_ref_to_an_undefined_name_is_reported() {
      Template t = Template.repository();
      variables(t).put("PORTCULLIS_BACKENDS", Template.ref("Backend"));

      assertThat(TemplateChecks.references(t))
          .singleElement()
          .asString()
          .contains("Ref Backend is not a parameter, resource or pseudo parameter");
    }

    @Test
    void a_sam_name_sam_does_not_generate_here_is_reported() {
      Template t = Template.repository();
      variables(t).put("PORTCULLIS_BACKENDS", Template.ref("AuthorizerFunctionRole"));
      variables(t).put("PORTCULLIS_RULES", Template.ref("ServerlessRestApi"));

      assertThat(TemplateChecks.references(t))
          .hasSize(2)
          .anySatisfy(p -> assertThat(p).contains("Ref AuthorizerFunctionRole"))
          .anySatisfy(p -> assertThat(p).contains("Ref ServerlessRestApi"));
    }

    @Test
    void a_sub_variable_that_names_nothing_is_reported() {
      Template t = Template.repository();
      map(t.outputs().get("HttpApiUrl"))
          .put(
              "Value",
              Map.of("Fn::Sub", "https://${HttpAPI}.execute-api.${AWS::Region}/${!Literal}"));

      assertThat(TemplateChecks.references(t))
          .singleElement()
          .asString()
          .contains("${HttpAPI} is not a parameter");
    }

    @Test
    void an_attribute_the_resource_does_not_have_is_reported() {
      Template t = Template.repository();
      map(t.outputs().get("SessionTableName"))
          .put("Value", Map.of("Fn::GetAtt", List.of("SessionTable", "Name")));
      map(t.outputs().get("HttpApiUrl")).put("Value", Map.of("Fn::Sub", "${OrdersQueue.Url}"));

      assertThat(TemplateChecks.references(t))
          .hasSize(2)
          .anySatisfy(p -> assertThat(p).contains("SessionTable has no attribute Name"))
          .anySatisfy(p -> assertThat(p).contains("OrdersQueue has no attribute Url"));
    }

    @Test
    void an_undefined_condition_is_reported() {
      Template t = Template.repository();
      variables(t)
          .put(
              "JAVA_TOOL_OPTIONS",
              Map.of("Fn::If", List.of("HasJavaOptions", "x", Template.ref("AWS::NoValue"))));
      map(t.resources().get("OrdersQueue")).put("Condition", "WithQueue");

      assertThat(TemplateChecks.references(t))
          .hasSize(2)
          .anySatisfy(p -> assertThat(p).contains("Fn::If names condition HasJavaOptions"))
          .anySatisfy(p -> assertThat(p).contains("condition WithQueue is not defined"));
    }

    @Test
    void a_dependency_on_no_resource_is_reported() {
      Template t = Template.repository();
      map(t.resources().get("AuthorizerLogGroup")).put("DependsOn", "AuthorizerFunktion");

      assertThat(TemplateChecks.references(t))
          .singleElement()
          .asString()
          .contains("DependsOn AuthorizerFunktion");
    }
  }

  /** The example APIs: Portcullis guards every route, may be invoked, and caches safely. */
  @Nested
  class Authorizers {

    @Test
    void both_apis_use_portcullis_on_every_route_and_may_invoke_it() {
      assertThat(TemplateChecks.authorizers(Template.repository())).isEmpty();
    }

    @Test
    void an_http_api_that_may_not_invoke_the_authorizer_is_reported() {
      Template t = Template.repository();
      t.resources().remove("HttpApiInvokesAuthorizer");

      assertThat(TemplateChecks.authorizers(t))
          .singleElement()
          .asString()
          .contains("no AWS::Lambda::Permission lets HttpApi invoke");
    }

    @Test
    void an_authorizer_that_is_not_portcullis_is_reported() {
      Template t = Template.repository();
      map(at(t.properties("RestApi"), "Auth", "Authorizers", "PortcullisToken"))
          .put("FunctionArn", Map.of("Fn::GetAtt", List.of("EchoFunction", "Arn")));

      assertThat(TemplateChecks.authorizers(t))
          .singleElement()
          .asString()
          .contains("authorizer PortcullisToken invokes {Fn::GetAtt=[EchoFunction, Arn]}");
    }

    @Test
    void a_response_mode_that_does_not_follow_simple_responses_is_reported() {
      Template t = Template.repository();
      variables(t).put("PORTCULLIS_HTTP_RESPONSE", "iam");

      assertThat(TemplateChecks.authorizers(t))
          .singleElement()
          .asString()
          .contains("must follow the same condition");
    }

    @Test
    void simple_responses_without_the_route_key_are_reported() {
      Template t = Template.repository();
      map(at(t.properties("HttpApi"), "Auth", "Authorizers", "PortcullisRequest", "Identity"))
          .remove("Context");

      assertThat(TemplateChecks.authorizers(t))
          .singleElement()
          .asString()
          .contains("without $context.routeKey in its identity sources");
    }

    @Test
    void a_route_of_the_definition_without_the_authorizer_is_reported() {
      Template t = Template.repository();
      map(at(t.properties("RestApi"), "DefinitionBody", "paths", "/orders", "post"))
          .remove("security");

      assertThat(TemplateChecks.authorizers(t))
          .singleElement()
          .asString()
          .contains("RestApi POST /orders is not protected");
    }

    @Test
    void an_event_that_opts_out_of_the_authorizer_is_reported() {
      Template t = Template.repository();
      Map<String, Object> event =
          map(at(t.properties("EchoFunction"), "Events", "HttpAdminEcho", "Properties"));
      event.put("Auth", Map.of("Authorizer", "NONE"));

      assertThat(TemplateChecks.authorizers(t))
          .singleElement()
          .asString()
          .contains("event HttpAdminEcho adds GET /admin/echo to HttpApi with authorizer NONE");
    }

    @Test
    void a_result_ttl_left_to_a_default_is_reported() {
      Template t = Template.repository();
      map(at(t.properties("RestApi"), "Auth", "Authorizers", "PortcullisToken", "Identity"))
          .remove("ReauthorizeEvery");

      assertThat(TemplateChecks.authorizers(t))
          .singleElement()
          .asString()
          .contains("leaves its result TTL to a default");
    }
  }

  /** What the stack tells its user when it is done. */
  @Nested
  class Outputs {

    @Test
    void the_outputs_give_both_urls_the_table_and_the_first_session() {
      assertThat(TemplateChecks.outputs(Template.repository())).isEmpty();
    }

    @Test
    void a_missing_first_session_command_is_reported() {
      Template t = Template.repository();
      t.outputs().remove("IssueFirstSession");

      assertThat(TemplateChecks.outputs(t))
          .hasSize(3)
          .anySatisfy(p -> assertThat(p).contains("the first session's environment"))
          .anySatisfy(p -> assertThat(p).contains("the first session's command"))
          .anySatisfy(p -> assertThat(p).contains("the deployed rules"));
    }

    @Test
    void a_first_session_command_without_the_deployed_rules_is_reported() {
      Template t = Template.repository();
      Map<String, Object> output = map(t.outputs().get("IssueFirstSession"));
      output.put(
          "Value",
          Map.of(
              "Fn::Sub",
              String.valueOf(map(output.get("Value")).get("Fn::Sub"))
                  .replace("'${Rules}'", "'{\"roles\":{}}'")));

      assertThat(TemplateChecks.outputs(t))
          .singleElement()
          .asString()
          .contains("the deployed rules, so that sessions issue knows the roles");
    }
  }

  private static Map<String, Object> authorizerProps(Template t) {
    return t.properties("AuthorizerFunction");
  }

  private static Map<String, Object> variables(Template t) {
    return map(at(authorizerProps(t), "Environment", "Variables"));
  }

  private static Map<String, Object> tableProps(Template t) {
    return t.properties("SessionTable");
  }
}
