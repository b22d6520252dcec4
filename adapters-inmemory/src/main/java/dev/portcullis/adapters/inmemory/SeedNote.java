package dev.portcullis.adapters.inmemory;

import java.time.Instant;
import java.util.Objects;

/**
 * Something worth telling the operator about a seed file that loaded: never a problem that stops
 * start-up, and never a token. {@code check} lists these as notes.
 */
public sealed interface SeedNote {

  /** The JSON path of the entry the note is about, such as {@code sessions[2]}. */
  String path();

  /** One line for a person: what the note is about and what it means. */
  String message();

  /**
   * A seed session whose {@code expiresAt} has passed: it loads, and its token answers 401 until
   * the entry is renewed or removed; every other token is unaffected.
   */
  record Expired(String path, String principalId, Instant expiresAt) implements SeedNote {

    public Expired {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(principalId, "principalId");
      Objects.requireNonNull(expiresAt, "expiresAt");
    }

    @Override
    public String message() {
      return path
          + " (principal "
          + principalId
          + ") expired at "
          + expiresAt
          + ": its token is refused with 401; renew or remove the entry";
    }
  }
}
