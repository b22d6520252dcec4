package dev.portcullis.domain.service;

import dev.portcullis.domain.model.Credential;
import dev.portcullis.domain.model.Identity;
import dev.portcullis.domain.model.Session;
import dev.portcullis.domain.port.in.IssueSessionCommand;
import dev.portcullis.domain.port.in.IssuedSession;
import dev.portcullis.domain.port.in.SessionAdministrationUseCase;
import dev.portcullis.domain.port.out.RandomSource;
import dev.portcullis.domain.port.out.SessionStore;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Issues, revokes and lists sessions over a {@link SessionStore}. */
public final class SessionAdministrationService implements SessionAdministrationUseCase {

  /** Random bytes per token: 256 bits. */
  public static final int TOKEN_BYTES = 32;

  /** Marks Portcullis session tokens, so that secret scanners and people can tell them apart. */
  public static final String TOKEN_PREFIX = "pcs_";

  /** How often a fingerprint collision is retried with a new token before giving up. */
  static final int MAX_ATTEMPTS = 3;

  private final String backend;
  private final SessionStore store;
  private final RandomSource random;
  private final Clock clock;

  public SessionAdministrationService(
      String backend, SessionStore store, RandomSource random, Clock clock) {
    this.backend = Objects.requireNonNull(backend, "backend");
    this.store = Objects.requireNonNull(store, "store");
    this.random = Objects.requireNonNull(random, "random");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Issues a session. Its instants are whole seconds: the context reports them in epoch seconds,
   * and DynamoDB's TTL reads {@code expiresAt} as a number of seconds.
   */
  @Override
  public IssuedSession issue(IssueSessionCommand command) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Identity identity =
        new Identity(
            command.principalId(),
            command.roles(),
            command.attributes(),
            now.plus(command.timeToLive()),
            backend,
            command.apiKey());
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      String token = newToken();
      Credential credential = Credential.parse(token).orElseThrow();
      Session session = new Session(credential.fingerprint(), identity, now, Optional.empty());
      if (store.create(session)) {
        return new IssuedSession(token, session);
      }
    }
    throw new IllegalStateException(
        "every one of " + MAX_ATTEMPTS + " new tokens collided: the random source is broken");
  }

  @Override
  public boolean revoke(String token) {
    return Credential.parse(token)
        .map(c -> store.revoke(c.fingerprint(), clock.instant()))
        .orElse(false);
  }

  @Override
  public int revokeAll(String principalId) {
    return store.revokeAll(principalId, clock.instant());
  }

  @Override
  public List<Session> list(String principalId) {
    return store.listByPrincipal(principalId).stream()
        .sorted(Comparator.comparing(Session::issuedAt))
        .toList();
  }

  private String newToken() {
    byte[] bytes = new byte[TOKEN_BYTES];
    random.nextBytes(bytes);
    return TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
