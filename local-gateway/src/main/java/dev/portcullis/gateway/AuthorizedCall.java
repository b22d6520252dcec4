package dev.portcullis.gateway;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A call the authorizer let through: its answer, and how long the authorizer took (0 when the
 * answer came from the cache). Gives the {@code requestContext.authorizer} block a proxy
 * integration would receive.
 */
public record AuthorizedCall(ApiKind kind, AuthorizerResponse response, long latencyMillis) {

  public AuthorizedCall {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(response, "response");
  }

  /** The principal of an IAM-policy answer; simple answers have none. */
  public Optional<String> principalId() {
    return response instanceof AuthorizerResponse.Policy policy
        ? Optional.of(policy.principalId())
        : Optional.empty();
  }

  /**
   * {@code requestContext.authorizer} as a Lambda proxy integration sees it. HTTP payload 2.0: the
   * context under {@code lambda}, values as returned. Otherwise {@code principalId}, {@code
   * integrationLatency} and every context value as a string (a context key {@code principalId}
   * gives way to the answer's own).
   */
  public Map<String, Object> authorizerBlock() {
    Map<String, Object> block = new LinkedHashMap<>();
    if (kind == ApiKind.HTTP_V2) {
      block.put("lambda", response.context());
      return block;
    }
    principalId().ifPresent(p -> block.put("principalId", p));
    block.put("integrationLatency", latencyMillis);
    response
        .context()
        .forEach(
            (key, value) -> {
              if (!block.containsKey(key)) {
                block.put(key, Json.stringify(value));
              }
            });
    return block;
  }
}
