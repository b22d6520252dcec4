package dev.portcullis.adapters.inmemory;

import dev.portcullis.domain.port.out.IdentityResolver;
import dev.portcullis.domain.port.out.SessionStore;
import dev.portcullis.domain.service.SessionIdentityResolver;
import java.nio.file.Path;
import java.time.Clock;

/** Factory for the {@value #NAME} backend: its store, seeded or empty, and its resolver. */
public final class InMemoryBackend {

  /** The backend's name in {@code PORTCULLIS_BACKENDS}, in identities and in the context. */
  public static final String NAME = "memory";

  private InMemoryBackend() {}

  /** A store holding the sessions of the seed file. */
  public static InMemorySessionStore load(Path seed, Clock clock) {
    return new SeedFileLoader(clock).load(seed);
  }

  /** The resolver of opaque tokens over {@code store}, named {@value #NAME}. */
  public static IdentityResolver resolver(SessionStore store, Clock clock) {
    return new SessionIdentityResolver(NAME, store, clock);
  }
}
