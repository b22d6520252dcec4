package dev.portcullis.gateway;

import dev.portcullis.domain.policy.PolicyDocument;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** What an authorizer answered, once read: an IAM policy, or an HTTP API simple response. */
public sealed interface AuthorizerResponse {

  /** The {@code context} map, values as the authorizer returned them. */
  Map<String, Object> context();

  /** An IAM-policy answer: REST, WebSocket, and HTTP APIs without simple responses. */
  record Policy(
      String principalId,
      PolicyDocument policy,
      Map<String, Object> context,
      Optional<String> usageIdentifierKey)
      implements AuthorizerResponse {
    public Policy {
      Objects.requireNonNull(principalId, "principalId");
      Objects.requireNonNull(policy, "policy");
      context = Collections.unmodifiableMap(new LinkedHashMap<>(context));
      Objects.requireNonNull(usageIdentifierKey, "usageIdentifierKey");
    }
  }

  /** An HTTP API payload 2.0 simple answer: {@code {"isAuthorized":…,"context":{…}}}. */
  record Simple(boolean authorized, Map<String, Object> context) implements AuthorizerResponse {
    public Simple {
      context = Collections.unmodifiableMap(new LinkedHashMap<>(context));
    }
  }
}
