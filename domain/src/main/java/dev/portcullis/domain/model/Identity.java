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
    if (!isPrincipalId(principalId)) {
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

  /**
   * 1 to 128 visible ASCII characters (0x21 to 0x7E). Checked by hand, with no regular expression:
   * the first Pattern.compile in a JVM costs about 14 ms of cold start, and identities are built
   * while the handler is.
   */
  static boolean isPrincipalId(String principalId) {
    if (principalId.isEmpty() || principalId.length() > 128) {
      return false;
    }
    for (int i = 0; i < principalId.length(); i++) {
      char c = principalId.charAt(i);
      if (c < 0x21 || c > 0x7E) {
        return false;
      }
    }
    return true;
  }

  /** {@code now >= expiresAt} means expired. */
  public boolean isExpiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }
}
