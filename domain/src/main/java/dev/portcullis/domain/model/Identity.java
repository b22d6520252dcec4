package dev.portcullis.domain.model;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who a credential belongs to: the principal, its roles and attributes, until when it is valid, the
 * backend that vouched for it and, optionally, the API key that usage plans meter it by.
 */
public record Identity(
    String principalId,
    Set<String> roles,
    Map<String, String> attributes,
    Instant expiresAt,
    String backend,
    Optional<String> apiKey) {

  public Identity {
    Objects.requireNonNull(principalId, "principalId");
    if (!AsciiText.isVisible(principalId, 128, "")) {
      throw new IllegalArgumentException(
          "principalId must be 1 to 128 visible ASCII characters, got "
              + principalId.length()
              + " characters");
    }
    roles = Set.copyOf(Objects.requireNonNull(roles, "roles"));
    attributes = Map.copyOf(Objects.requireNonNull(attributes, "attributes"));
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(backend, "backend");
    Objects.requireNonNull(apiKey, "apiKey");
  }

  /** An identity without an API key. */
  public Identity(
      String principalId,
      Set<String> roles,
      Map<String, String> attributes,
      Instant expiresAt,
      String backend) {
    this(principalId, roles, attributes, expiresAt, backend, Optional.empty());
  }

  /** {@code now >= expiresAt} means expired. */
  public boolean isExpiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }
}
