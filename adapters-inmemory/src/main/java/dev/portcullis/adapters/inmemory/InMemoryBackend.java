package dev.portcullis.adapters.inmemory;

import dev.portcullis.domain.port.out.IdentityResolver;
import dev.portcullis.domain.port.out.SessionStore;
import dev.portcullis.domain.service.SessionIdentityResolver;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** Factory for the {@value #NAME} backend: its store, seeded or empty, and its resolver. */
public final class InMemoryBackend {

  /** The backend's name in {@code PORTCULLIS_BACKENDS}, in identities and in the context. */
  public static final String NAME = "memory";

  private InMemoryBackend() {}

  /** A store holding the sessions of the seed file. */
  public static InMemorySessionStore load(Path seed, Clock clock) {
    return new SeedFileLoader(clock).load(seed);
  }

  /**
   * The notes about a seed file that loads, for {@code check} to list as notes (never problems):
   * for now, each session whose {@code expiresAt} has passed by the clock's now, with its JSON
   * path, principal and expiry, never its token. Empty for a file with nothing to say.
   *
   * @throws SeedFileException when the file cannot be loaded, exactly as {@link #load} would
   */
  public static List<SeedNote> seedNotes(Path seed, Clock clock) {
    return new SeedFileLoader(clock).readSeed(seed).notes();
  }

  /** The resolver of opaque tokens over {@code store}, named {@value #NAME}. */
  public static IdentityResolver resolver(SessionStore store, Clock clock) {
    return new SessionIdentityResolver(NAME, store, clock);
  }
}
