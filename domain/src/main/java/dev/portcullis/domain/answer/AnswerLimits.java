package dev.portcullis.domain.answer;

import dev.portcullis.domain.model.RouteTarget;
import dev.portcullis.domain.policy.PolicyDocument;
import dev.portcullis.domain.policy.Statement;
import dev.portcullis.domain.service.ContextBuilder;
import java.util.List;

/**
 * API Gateway's limit on the size of an authorizer's answer, the bound each part of an answer is
 * held to so that rules can be checked against it before the first call, and the check every
 * encoded answer passes before it is written.
 *
 * <p>How an adapter uses it: encode the answer into a byte array, pass it to {@link
 * #requireFits(byte[])}, and write it only when that returns. An {@link AnswerTooLargeException} is
 * a failure of the call (log {@value #TOO_LARGE_REASON}, answer 500), never a truncated answer.
 */
public final class AnswerLimits {

  /**
   * 8 KB, read as 8,192 bytes of the encoded answer. "AWS Lambda authorizer result size: 8 KB, not
   * adjustable" (Service Quotas code L-20859C74) is listed in the quota table for WebSocket APIs,
   * https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-execution-service-websocket-limits-table.html;
   * the tables for REST and HTTP APIs do not list it, and no AWS page says they accept more, so
   * every kind of answer is held to it.
   */
  public static final int MAX_ANSWER_BYTES = 8192;

  /** The reason code of an answer that would not fit, for the decision log. */
  public static final String TOO_LARGE_REASON = "answer_too_large";

  /**
   * {@code aws-us-gov}, 10 characters: the longest partition in AWS's list of partitions
   * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html).
   */
  public static final String LONGEST_PARTITION = "aws-us-gov";

  /**
   * 14 characters: the longest Region code in AWS's list of Regions, such as {@code ap-southeast-1}
   * (https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-region-billing-codes.html).
   */
  public static final int LONGEST_REGION = 14;

  /**
   * 12 digits: an AWS account ID
   * (https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-identifiers.html).
   */
  public static final int ACCOUNT_LENGTH = 12;

  /**
   * 10 characters: the length of the ids API Gateway assigns to APIs ({@code a123456789} in its IAM
   * examples,
   * https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-iam-policy-examples-for-api-execution.html).
   * AWS documents no maximum; a longer id only makes {@link #requireFits} the check that holds.
   */
  public static final int LONGEST_API_ID = 10;

  /**
   * 32 characters: the longest stage name the rules are checked for. API Gateway allows up to 128
   * ("Maximum length is 128 characters",
   * https://docs.aws.amazon.com/apigateway/latest/api/API_Stage.html), but holding every role to a
   * 128-character stage would leave room for little more than half the grants, for names few use;
   * on a longer stage, {@link #requireFits} is the check that holds.
   */
  public static final int LONGEST_STAGE = 32;

  /**
   * A target whose API and stage prefix is as long as the bounds above allow (99 characters): the
   * worst case rules are checked against. Its route does not matter, since no policy depends on it.
   */
  public static final RouteTarget LONGEST_TARGET =
      new RouteTarget(
          LONGEST_PARTITION,
          "a".repeat(LONGEST_REGION),
          "0".repeat(ACCOUNT_LENGTH),
          "a".repeat(LONGEST_API_ID),
          "a".repeat(LONGEST_STAGE),
          new RouteTarget.HttpRoute("GET", "/"));

  /**
   * The most a {@code principalId} takes: 128 visible ASCII characters (what {@code Identity}
   * allows), each {@code "} or {@code \} escaped in two bytes, and the quotes.
   */
  public static final int MAX_PRINCIPAL_ID_BYTES = 2 + 2 * 128;

  /**
   * The most a {@code usageIdentifierKey} takes: API Gateway's API keys are 20 to 128 alphanumeric
   * characters
   * (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-api-usage-plans.html),
   * counted here as if every one needed escaping, and the quotes.
   */
  public static final int MAX_USAGE_KEY_BYTES = 2 + 2 * 128;

  /**
   * The fields around the policy in the largest answer, the REST and WebSocket one: {@code
   * {"principalId":…,"policyDocument":…,"context":…,"usageIdentifierKey":…}}, with the principal,
   * context and key at their bounds.
   */
  private static final int ENVELOPE_BYTES =
      2
          + field("principalId", MAX_PRINCIPAL_ID_BYTES)
          + 1
          + field("policyDocument", 0)
          + 1
          + field("context", ContextBuilder.MAX_CONTEXT_BYTES)
          + 1
          + field("usageIdentifierKey", MAX_USAGE_KEY_BYTES);

  /** The most a policy document may take so that any answer carrying it still fits. */
  public static final int MAX_POLICY_BYTES = MAX_ANSWER_BYTES - ENVELOPE_BYTES;

  private AnswerLimits() {}

  /** True when an encoded answer of this many bytes is one API Gateway accepts. */
  public static boolean fits(int encodedBytes) {
    return encodedBytes <= MAX_ANSWER_BYTES;
  }

  /**
   * The encoded answer itself when it fits.
   *
   * @throws AnswerTooLargeException when it is larger than {@value #MAX_ANSWER_BYTES} bytes
   */
  public static byte[] requireFits(byte[] encodedAnswer) {
    if (!fits(encodedAnswer.length)) {
      throw new AnswerTooLargeException(encodedAnswer.length);
    }
    return encodedAnswer;
  }

  /**
   * The most this policy takes written as an answer's {@code policyDocument}: {@code
   * {"Version":"2012-10-17","Statement":[{"Action":"execute-api:Invoke","Effect":…,"Resource":[…]},
   * …]}}, with a single action written as a string.
   */
  public static int policyBytes(PolicyDocument policy) {
    int bytes =
        2 + field("Version", JsonSize.ofString(PolicyDocument.VERSION)) + 1 + field("Statement", 2);
    List<Statement> statements = policy.statements();
    bytes += Math.max(0, statements.size() - 1);
    for (Statement statement : statements) {
      int actions =
          statement.actions().size() == 1
              ? JsonSize.ofString(statement.actions().get(0))
              : arrayBytes(statement.actions());
      bytes +=
          2
              + field("Action", actions)
              + 1
              + field("Effect", JsonSize.ofString(statement.effect().name()))
              + 1
              + field("Resource", arrayBytes(statement.resources()));
    }
    return bytes;
  }

  /**
   * The most an answer carrying this policy can take, whatever the identity: the policy as it is,
   * and every other part at its bound.
   */
  public static int worstCaseAnswerBytes(PolicyDocument policy) {
    return ENVELOPE_BYTES + policyBytes(policy);
  }

  private static int arrayBytes(List<String> values) {
    return 2 + Math.max(0, values.size() - 1) + values.stream().mapToInt(JsonSize::ofString).sum();
  }

  /** {@code "name":} and a value of {@code valueBytes}. */
  private static int field(String name, int valueBytes) {
    return JsonSize.ofString(name) + 1 + valueBytes;
  }
}
