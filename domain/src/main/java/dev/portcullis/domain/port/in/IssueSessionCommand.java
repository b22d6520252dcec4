package dev.portcullis.domain.port.in;

import dev.portcullis.domain.service.ContextBuilder;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** What a new session is for: the principal, its roles and attributes, and how long it lives. */
public record IssueSessionCommand(
    String principalId,
    Set<String> roles,
    Map<String, String> attributes,
    Duration timeToLive,
    Optional<String> apiKey) {

  public IssueSessionCommand {
    Objects.requireNonNull(principalId, "principalId");
    roles = Set.copyOf(roles);
    attributes = Map.copyOf(attributes);
    Objects.requireNonNull(timeToLive, "timeToLive");
    Objects.requireNonNull(apiKey, "apiKey");
    if (timeToLive.isNegative() || timeToLive.isZero()) {
      throw new IllegalArgumentException("timeToLive must be positive, got " + timeToLive);
    }
    for (String role : roles) {
      if (role.isBlank() || role.contains(",")) {
        throw new IllegalArgumentException("role '" + role + "' must be non-blank, without ','");
      }
    }
    attributes.forEach(
        (key, value) -> {
          if (!ContextBuilder.acceptsAttribute(key, value)) {
            throw new IllegalArgumentException(
                "attribute '"
                    + key
                    + "' cannot go into an authorizer context: keys are 1 to 64 of A-Z a-z 0-9 _ . :"
                    + " -, not a reserved key, and values at most 1024 characters");
          }
        });
  }
}
