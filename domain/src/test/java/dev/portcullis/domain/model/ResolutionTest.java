package dev.portcullis.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Tests the reason codes of backend answers. */
class ResolutionTest {

  @Test
  void each_negative_resolution_has_its_reason_code() {
    assertThat(new Resolution.NotFound().reason()).isEqualTo("not_found");
    assertThat(new Resolution.Expired().reason()).isEqualTo("expired");
    assertThat(new Resolution.Revoked().reason()).isEqualTo("revoked");
    assertThat(new Resolution.Invalid("bad_signature").reason()).isEqualTo("bad_signature");
  }
}
