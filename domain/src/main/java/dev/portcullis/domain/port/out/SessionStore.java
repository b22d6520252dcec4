package dev.portcullis.domain.port.out;

import dev.portcullis.domain.model.Fingerprint;
import dev.portcullis.domain.model.Session;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Outgoing persistence port for sessions, keyed by credential fingerprint. Stores return what they
 * hold, expired or revoked items included: callers judge them against their clock.
 */
public interface SessionStore {

  /**
   * Stores a new session unless its fingerprint is taken.
   *
   * @return true when stored; false when another session already has this fingerprint
   */
  boolean create(Session session);

  /** The session with this fingerprint, whatever its state. */
  Optional<Session> find(Fingerprint fingerprint);

  /**
   * Marks the session revoked at {@code at}; revoking it again keeps the first instant.
   *
   * @return true when a session with this fingerprint exists
   */
  boolean revoke(Fingerprint fingerprint, Instant at);

  /**
   * Revokes every session of the principal that is live at {@code at}.
   *
   * @return how many sessions this call revoked
   */
  int revokeAll(String principalId, Instant at);

  /** Every stored session of the principal, whatever its state. */
  List<Session> listByPrincipal(String principalId);
}
