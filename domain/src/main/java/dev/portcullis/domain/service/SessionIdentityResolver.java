package dev.portcullis.domain.service;

import dev.portcullis.domain.model.Credential;
import dev.portcullis.domain.model.Resolution;
import dev.portcullis.domain.port.out.IdentityResolver;
import dev.portcullis.domain.port.out.SessionStore;
import java.time.Clock;
import java.util.Objects;

/**
 * Resolves opaque session tokens through a {@link SessionStore}, judging expiry and revocation
 * against the clock on every read, whatever the store's own expiry does.
 */
public final class SessionIdentityResolver implements IdentityResolver {

  private final String name;
  private final SessionStore store;
  private final Clock clock;

  public SessionIdentityResolver(String name, SessionStore store, Clock clock) {
    this.name = Objects.requireNonNull(name, "name");
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public String name() {
    return name;
  }

  /** Session tokens are opaque: anything shaped like a JWT belongs to the JWT backend. */
  @Override
  public boolean accepts(Credential credential) {
    return !credential.looksLikeJwt();
  }

  @Override
  public Resolution resolve(Credential credential) {
    return store
        .find(credential.fingerprint())
        .map(session -> session.resolveAt(clock.instant()))
        .orElseGet(Resolution.NotFound::new);
  }
}
