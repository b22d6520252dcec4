package dev.portcullis.domain.port.in;

import dev.portcullis.domain.model.Session;

/**
 * A session just issued, with its token: the only moment the token exists outside the caller's
 * hands. Its {@code toString()} hides the token.
 */
public record IssuedSession(String token, Session session) {

  @Override
  public String toString() {
    return "IssuedSession[token=redacted, session=" + session + "]";
  }
}
