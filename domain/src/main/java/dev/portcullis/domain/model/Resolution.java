package dev.portcullis.domain.model;

import java.util.Objects;

/**
 * What an identity backend answers for a credential. A backend that cannot answer throws {@code
 * BackendUnavailableException} instead: a negative resolution always means "checked, and no".
 */
public sealed interface Resolution {

  /** The reason code logged and reported for a negative resolution. */
  String reason();

  /** The credential belongs to this identity. */
  record Resolved(Identity identity) implements Resolution {
    public Resolved {
      Objects.requireNonNull(identity, "identity");
    }

    @Override
    public String reason() {
      return "resolved";
    }
  }

  /** The backend does not know the credential. */
  record NotFound() implements Resolution {
    @Override
    public String reason() {
      return "not_found";
    }
  }

  /** The credential was valid once and has expired. */
  record Expired() implements Resolution {
    @Override
    public String reason() {
      return "expired";
    }
  }

  /** The credential was revoked. */
  record Revoked() implements Resolution {
    @Override
    public String reason() {
      return "revoked";
    }
  }

  /**
   * The credential is malformed or fails verification; the reason is a short code, never secret.
   */
  record Invalid(String reason) implements Resolution {
    public Invalid {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
