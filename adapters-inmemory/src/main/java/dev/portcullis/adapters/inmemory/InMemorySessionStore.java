package dev.portcullis.adapters.inmemory;

import dev.portcullis.domain.model.Fingerprint;
import dev.portcullis.domain.model.Session;
import dev.portcullis.domain.port.out.SessionStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Thread-safe in-memory session store, keyed by fingerprint: it never holds a token. */
public final class InMemorySessionStore implements SessionStore {

  private final ConcurrentMap<Fingerprint, Session> sessions = new ConcurrentHashMap<>();

  @Override
  public boolean create(Session session) {
    return sessions.putIfAbsent(session.fingerprint(), session) == null;
  }

  @Override
  public Optional<Session> find(Fingerprint fingerprint) {
    return Optional.ofNullable(sessions.get(fingerprint));
  }

  @Override
  public boolean revoke(Fingerprint fingerprint, Instant at) {
    return sessions.computeIfPresent(fingerprint, (fp, session) -> session.revokedAt(at)) != null;
  }

  @Override
  public int revokeAll(String principalId, Instant at) {
    int revoked = 0;
    for (Session session : listByPrincipal(principalId)) {
      boolean[] changed = {false};
      sessions.computeIfPresent(
          session.fingerprint(),
          (fp, current) -> {
            if (!current.isLiveAt(at)) {
              return current;
            }
            changed[0] = true;
            // Live at "at" may still mean revoked from a later instant: bring that forward.
            return new Session(
                current.fingerprint(), current.identity(), current.issuedAt(), Optional.of(at));
          });
      if (changed[0]) {
        revoked++;
      }
    }
    return revoked;
  }

  @Override
  public List<Session> listByPrincipal(String principalId) {
    return sessions.values().stream()
        .filter(session -> session.principalId().equals(principalId))
        .toList();
  }
}
