package dev.portcullis.domain.port.in;

import dev.portcullis.domain.model.Session;
import java.util.List;

/** Incoming port: issues, revokes and lists sessions. */
public interface SessionAdministrationUseCase {

  /** Issues a session; the token in the answer is shown once and never stored. */
  IssuedSession issue(IssueSessionCommand command);

  /**
   * Revokes the session of this token; revoking twice is harmless.
   *
   * @return true when such a session exists
   */
  boolean revoke(String token);

  /**
   * Revokes every live session of the principal.
   *
   * @return how many were revoked
   */
  int revokeAll(String principalId);

  /** The principal's sessions, by fingerprint: tokens are never kept. */
  List<Session> list(String principalId);
}
