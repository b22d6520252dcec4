package dev.portcullis.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A resolved identity names its reason in the decision log as {@code resolved}. */
class ResolvedReasonTest {

  @Test
  void a_resolved_identity_gives_the_reason_resolved() {
    Identity identity =
        new Identity("alice", Set.of("admin"), Map.of(), Instant.EPOCH.plusSeconds(60), "memory");

    assertThat(new Resolution.Resolved(identity).reason()).isEqualTo("resolved");
  }
}
