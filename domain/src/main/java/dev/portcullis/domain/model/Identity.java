package dev.portcullis.domain.model;

import dev.portcullis.domain.text.Ascii;
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

  /** Longest backend name: the name of the backend that vouched, as the context carries it. */
  public static final int MAX_BACKEND_LENGTH = 64;

  public Identity {
    Objects.requireNonNull(principalId, "principalId");
    if (!Ascii.isVisible(principalId, 128)) {
      throw new IllegalArgumentException(
          "principalId must be 1 to 128 visible ASCII characters, got "
              + principalId.length()
              + " characters");
    }
    roles = Set.copyOf(Objects.requireNonNull(roles, "roles"));
    attributes = Map.copyOf(Objects.requireNonNull(attributes, "attributes"));
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(backend, "backend");
    if (!Ascii.isVisible(backend, MAX_BACKEND_LENGTH)) {
      throw new IllegalArgumentException(
          "backend must be 1 to "
              + MAX_BACKEND_LENGTH
              + " visible ASCII characters, got "
              + backend.length()
              + " characters");
    }
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
