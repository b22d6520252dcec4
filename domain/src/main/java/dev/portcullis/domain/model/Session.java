package dev.portcullis.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A stored session: the credential's fingerprint, its identity, and its lifecycle instants. */
public record Session(
    Fingerprint fingerprint, Identity identity, Instant issuedAt, Optional<Instant> revokedAt) {

  public Session {
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(issuedAt, "issuedAt");
    Objects.requireNonNull(revokedAt, "revokedAt");
    if (!identity.expiresAt().isAfter(issuedAt)) {
      throw new IllegalArgumentException("expiresAt must be after issuedAt");
    }
  }

  public Instant expiresAt() {
    return identity.expiresAt();
  }

  public String principalId() {
    return identity.principalId();
  }

  /** A copy revoked at {@code at}; a session already revoked keeps its first revocation instant. */
  public Session revokedAt(Instant at) {
    return revokedAt.isPresent()
        ? this
        : new Session(fingerprint, identity, issuedAt, Optional.of(at));
  }

  /** What this session means at {@code now}: revocation first, then expiry, checked in code. */
  public Resolution resolveAt(Instant now) {
    if (revokedAt.isPresent() && !now.isBefore(revokedAt.get())) {
      return new Resolution.Revoked();
    }
    if (identity.isExpiredAt(now)) {
      return new Resolution.Expired();
    }
    return new Resolution.Resolved(identity);
  }

  /** Live means neither revoked nor expired at {@code now}. */
  public boolean isLiveAt(Instant now) {
    return resolveAt(now) instanceof Resolution.Resolved;
  }
}
