package dev.portcullis.domain.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portcullis.domain.policy.Effect;
import dev.portcullis.domain.policy.PolicyBuilder;
import dev.portcullis.domain.policy.PolicyDocument;
import dev.portcullis.domain.policy.Statement;
import dev.portcullis.domain.testing.JsonText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tests the answer size limit and the size model of policies. */
class AnswerLimitsTest {

  private static final String STAGE = "arn:aws:execute-api:us-east-1:123456789012:abcdef1234/prod/";

  @Test
  void an_answer_of_8192_bytes_fits_and_one_of_8193_does_not() {
    byte[] fits = new byte[8192];
    byte[] over = new byte[8193];

    assertThat(AnswerLimits.requireFits(fits)).isSameAs(fits);
    assertThatThrownBy(() -> AnswerLimits.requireFits(over))
        .isInstanceOfSatisfying(
            AnswerTooLargeException.class,
            e -> {
              assertThat(e.bytes()).isEqualTo(8193);
              assertThat(e.reason()).isEqualTo("answer_too_large");
            })
        .hasMessage(
            "the answer takes 8193 bytes, over API Gateway's limit of 8192 for a Lambda"
                + " authorizer's result");
  }

  @Test
  void the_policy_size_is_that_of_the_policy_written_out() {
    List<PolicyDocument> policies =
        List.of(
            new PolicyDocument(List.of(Statement.invoke(Effect.Deny, List.of(STAGE + "*")))),
            new PolicyDocument(
                List.of(
                    Statement.invoke(Effect.Allow, List.of(STAGE + "GET/a", STAGE + "*/*")),
                    Statement.invoke(Effect.Deny, PolicyBuilder.dotSegmentResources("aws")))),
            new PolicyDocument(
                List.of(
                    new Statement(
                        Effect.Allow,
                        List.of("execute-api:Invoke", "execute-api:*"),
                        List.of(STAGE + "GET/\"quoted\\\"")))));

    for (PolicyDocument policy : policies) {
      assertThat(AnswerLimits.policyBytes(policy))
          .isEqualTo(JsonText.encodedBytes(written(policy)));
    }
  }

  @Test
  void the_longest_prefix_is_99_characters_from_the_bound_of_each_part() {
    assertThat(AnswerLimits.LONGEST_TARGET.stagePrefix())
        .hasSize(99)
        .startsWith("arn:aws-us-gov:execute-api:");
  }

  @Test
  void the_policy_budget_leaves_room_for_every_other_part_at_its_bound() {
    PolicyDocument empty = new PolicyDocument(List.of());

    assertThat(AnswerLimits.worstCaseAnswerBytes(empty) - AnswerLimits.policyBytes(empty))
        .isEqualTo(AnswerLimits.MAX_ANSWER_BYTES - AnswerLimits.MAX_POLICY_BYTES);
    assertThat(AnswerLimits.MAX_POLICY_BYTES).isBetween(5000, 6000);
  }

  /** The policy as the Lambda adapter writes it: one action as a string, several as a list. */
  private static Map<String, Object> written(PolicyDocument policy) {
    List<Object> statements = new ArrayList<>();
    for (Statement statement : policy.statements()) {
      Map<String, Object> written = new LinkedHashMap<>();
      written.put(
          "Action",
          statement.actions().size() == 1 ? statement.actions().get(0) : statement.actions());
      written.put("Effect", statement.effect().name());
      written.put("Resource", statement.resources());
      statements.add(written);
    }
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("Version", PolicyDocument.VERSION);
    document.put("Statement", statements);
    return document;
  }
}
