package dev.portcullis.domain.port.in;

import dev.portcullis.domain.model.RouteTarget;
import java.util.Objects;
import java.util.Optional;

/**
 * One call to authorize: the credential as presented (absent when the caller sent none) and the
 * route being called. Its {@code toString()} never shows the credential.
 */
public record AuthorizationRequest(Optional<String> presentedCredential, RouteTarget target) {

  public AuthorizationRequest {
    Objects.requireNonNull(presentedCredential, "presentedCredential");
    Objects.requireNonNull(target, "target");
  }

  @Override
  public String toString() {
    return "AuthorizationRequest[credential="
        + (presentedCredential.isPresent() ? "redacted" : "absent")
        + ", target="
        + target.arn()
        + "]";
  }
}
