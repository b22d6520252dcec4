package dev.portcullis.gateway;

import dev.portcullis.domain.policy.Effect;
import dev.portcullis.domain.policy.PolicyDocument;
import dev.portcullis.domain.policy.PolicyEvaluator;
import dev.portcullis.domain.policy.Statement;
import java.util.List;

/**
 * The demo's {@code --naive} authorizer: keeps the verdict on the route called but narrows the
 * policy to that one ARN, as the common "allow exactly this methodArn" authorizer does. Cached, it
 * then answers 403 on every other route: the trap the demo shows.
 */
final class NaivePolicy {

  private NaivePolicy() {}

  static AuthorizerResponse narrow(AuthorizerResponse response, String arn) {
    if (!(response instanceof AuthorizerResponse.Policy policy)) {
      return response;
    }
    Effect effect = PolicyEvaluator.allows(policy.policy(), arn) ? Effect.Allow : Effect.Deny;
    return new AuthorizerResponse.Policy(
        policy.principalId(),
        new PolicyDocument(List.of(Statement.invoke(effect, List.of(arn)))),
        policy.context(),
        policy.usageIdentifierKey());
  }
}
