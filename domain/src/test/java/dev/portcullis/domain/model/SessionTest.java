package dev.portcullis.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Tests a stored session's lifecycle: expiry, revocation and the order they are judged in. */
class SessionTest {

  private static final Instant ISSUED = Instant.parse("2030-01-01T00:00:00Z");
  private static final Instant EXPIRES = Instant.parse("2030-01-01T08:00:00Z");
  private static final Identity ALICE =
      new Identity("alice", Set.of("reader"), Map.of(), EXPIRES, "memory");
  private static final Fingerprint FINGERPRINT =
      Credential.parse("pcs_token").orElseThrow().fingerprint();

  @Test
  void a_fresh_session_resolves_to_its_identity() {
    assertThat(session().resolveAt(ISSUED)).isEqualTo(new Resolution.Resolved(ALICE));
  }

  @Test
  void a_session_resolves_until_just_before_expires_at() {
    assertThat(session().resolveAt(EXPIRES.minusNanos(1)))
        .isEqualTo(new Resolution.Resolved(ALICE));
  }

  @Test
  void a_session_is_expired_at_exactly_expires_at() {
    assertThat(session().resolveAt(EXPIRES)).isInstanceOf(Resolution.Expired.class);
    assertThat(session().isLiveAt(EXPIRES)).isFalse();
  }

  @Test
  void a_revoked_session_is_revoked_from_the_revocation_instant_on() {
    // Arrange
    Instant revokedAt = ISSUED.plusSeconds(60);

    // Act
    Session revoked = session().revokedAt(revokedAt);

    // Assert
    assertThat(revoked.revokedAt()).contains(revokedAt);
    assertThat(revoked.resolveAt(revokedAt)).isInstanceOf(Resolution.Revoked.class);
    assertThat(revoked.resolveAt(revokedAt.minusNanos(1))).isInstanceOf(Resolution.Resolved.class);
    assertThat(revoked.isLiveAt(revokedAt)).isFalse();
  }

  @Test
  void revoking_twice_keeps_the_first_instant() {
    // Arrange
    Instant first = ISSUED.plusSeconds(60);
    Session revoked = session().revokedAt(first);

    // Act
    Session again = revoked.revokedAt(ISSUED.plusSeconds(120));

    // Assert
    assertThat(again.revokedAt()).contains(first);
    assertThat(again).isEqualTo(revoked);
  }

  @Test
  void revocation_is_reported_before_expiry_when_both_apply() {
    Session revoked = session().revokedAt(ISSUED.plusSeconds(60));

    assertThat(revoked.resolveAt(EXPIRES.plusSeconds(1))).isInstanceOf(Resolution.Revoked.class);
  }

  @Test
  void revoking_returns_a_copy_and_leaves_the_original_untouched() {
    Session original = session();

    original.revokedAt(ISSUED.plusSeconds(1));

    assertThat(original.revokedAt()).isEmpty();
  }

  @Test
  void a_session_must_expire_after_it_is_issued() {
    assertThatThrownBy(() -> new Session(FINGERPRINT, ALICE, EXPIRES, Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expiresAt must be after issuedAt");
  }

  @Test
  void expires_at_and_principal_id_come_from_the_identity() {
    assertThat(session().expiresAt()).isEqualTo(EXPIRES);
    assertThat(session().principalId()).isEqualTo("alice");
  }

  private static Session session() {
    return new Session(FINGERPRINT, ALICE, ISSUED, Optional.empty());
  }
}
