package dev.portcullis.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.domain.policy.Effect;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Authorizer answers are read, and refused, the way API Gateway reads them. */
class ResponseReaderTest {

  private static final String ARN = "arn:aws:execute-api:us-east-1:123456789012:abcdef1234/prod/";

  @Test
  void action_and_resource_may_each_be_a_string_or_a_list() {
    AuthorizerResponse.Policy policy =
        policy(
            "{\"principalId\":\"p\",\"policyDocument\":{\"Version\":\"2012-10-17\",\"Statement\":["
                + "{\"Action\":\"execute-api:Invoke\",\"Effect\":\"Allow\",\"Resource\":\""
                + ARN
                + "GET/a\"},"
                + "{\"Action\":[\"execute-api:Invoke\"],\"Effect\":\"Deny\",\"Resource\":[\""
                + ARN
                + "GET/b\",\""
                + ARN
                + "GET/c\"]}]}}");

    assertThat(policy.policy().statements()).hasSize(2);
    assertThat(policy.policy().statements().get(1).effect()).isEqualTo(Effect.Deny);
    assertThat(policy.policy().statements().get(1).resources()).hasSize(2);
  }

  @Test
  void a_single_statement_object_is_accepted() {
    assertThat(
            policy(
                    "{\"principalId\":\"p\",\"policyDocument\":{\"Statement\":{\"Action\":\"*\","
                        + "\"Effect\":\"Allow\",\"Resource\":\"*\"}}}")
                .policy()
                .statements())
        .hasSize(1);
  }

  @Test
  void an_explicit_deny_is_told_from_no_match() {
    AuthorizerResponse.Policy policy =
        policy(
            "{\"principalId\":\"p\",\"policyDocument\":{\"Statement\":["
                + "{\"Action\":\"execute-api:Invoke\",\"Effect\":\"Allow\",\"Resource\":\""
                + ARN
                + "*\"},"
                + "{\"Action\":\"execute-api:Invoke\",\"Effect\":\"Deny\",\"Resource\":\""
                + ARN
                + "DELETE/*\"}]}}");

    assertThat(GatewayHandler.evaluate(policy, ARN + "GET/orders")).isNull();
    assertThat(GatewayHandler.evaluate(policy, ARN + "DELETE/orders"))
        .isEqualTo(Rejection.EXPLICIT_DENY);
    assertThat(
            GatewayHandler.evaluate(
                policy, "arn:aws:execute-api:us-east-1:123456789012:abcdef1234/test/GET/x"))
        .isEqualTo(Rejection.IMPLICIT_DENY);
  }

  @Test
  void shapes_api_gateway_refuses_are_refused() {
    for (String bad :
        List.of(
            "",
            "[]",
            "{\"principalId\":\"p\"}",
            "{\"policyDocument\":{\"Statement\":[]}}",
            "{\"principalId\":1,\"policyDocument\":{\"Statement\":[]}}",
            "{\"principalId\":\"p\",\"policyDocument\":{\"Statement\":[]}}",
            "{\"principalId\":\"p\",\"policyDocument\":{\"Statement\":[{\"Action\":\"*\","
                + "\"Effect\":\"allow\",\"Resource\":\"*\"}]}}",
            "{\"principalId\":\"p\",\"policyDocument\":{\"Statement\":[{\"Action\":\"*\","
                + "\"Effect\":\"Allow\",\"Resource\":[]}]}}",
            "{\"principalId\":\"p\",\"policyDocument\":{\"Statement\":[{\"Action\":\"*\","
                + "\"Effect\":\"Allow\",\"NotResource\":\"*\"}]}}",
            "{\"principalId\":\"p\",\"policyDocument\":{\"Statement\":[{\"Action\":\"*\","
                + "\"Effect\":\"Allow\",\"Resource\":\"*\"}]},\"context\":{\"a\":[1]}}",
            "{\"isAuthorized\":true} trailing")) {
      assertThatThrownBy(
              () ->
                  ResponseReader.read(
                      bad.getBytes(StandardCharsets.UTF_8), ApiKind.REST_TOKEN, false),
              bad)
          .isInstanceOf(MalformedResponseException.class);
    }
  }

  @Test
  void simple_answers_need_a_real_boolean_and_may_carry_rich_context() {
    AuthorizerResponse answer =
        ResponseReader.read(
            "{\"isAuthorized\":false,\"context\":{\"list\":[1,2],\"map\":{\"k\":\"v\"}}}"
                .getBytes(StandardCharsets.UTF_8),
            ApiKind.HTTP_V2,
            true);

    assertThat(answer).isEqualTo(new AuthorizerResponse.Simple(false, answer.context()));
    assertThat(answer.context()).containsKeys("list", "map");
    assertThatThrownBy(
            () ->
                ResponseReader.read(
                    "{\"isAuthorized\":\"true\"}".getBytes(StandardCharsets.UTF_8),
                    ApiKind.HTTP_V2,
                    true))
        .isInstanceOf(MalformedResponseException.class);
  }

  private static AuthorizerResponse.Policy policy(String json) {
    return (AuthorizerResponse.Policy)
        ResponseReader.read(json.getBytes(StandardCharsets.UTF_8), ApiKind.REST_TOKEN, false);
  }
}
