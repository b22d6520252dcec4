package dev.portcullis.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which values look like a compact JWS, at the edges of the shape. */
class CredentialShapeTest {

  @Test
  void three_segments_with_a_json_header_look_like_a_jwt() {
    assertThat(Credential.parse("eyJh.b.c").orElseThrow().looksLikeJwt()).isTrue();
  }

  @Test
  void an_empty_middle_segment_does_not_look_like_a_jwt() {
    assertThat(Credential.parse("eyJh..c").orElseThrow().looksLikeJwt()).isFalse();
  }
}
