package dev.portcullis.domain.port.in;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Each explained status carries the HTTP status API Gateway answers with. */
class ExplanationStatusTest {

  @Test
  void each_status_is_the_code_api_gateway_answers_with() {
    assertThat(Explanation.Status.ALLOWED.code()).isEqualTo(200);
    assertThat(Explanation.Status.UNAUTHORIZED.code()).isEqualTo(401);
    assertThat(Explanation.Status.FORBIDDEN.code()).isEqualTo(403);
    assertThat(Explanation.Status.FAILED.code()).isEqualTo(500);
  }
}
