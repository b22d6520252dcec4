package dev.portcullis.domain.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** A backend failure names its backend, says what happened, and sums up its cause in one line. */
class BackendUnavailableExceptionTest {

  @Test
  void the_summary_and_the_message_are_kept_apart() {
    IOException cause = new IOException("connect timed out");

    BackendUnavailableException e =
        new BackendUnavailableException(
            "dynamodb",
            "ResourceNotFound: table portcullis-sessions in eu-west-1",
            "table 'portcullis-sessions' does not exist in region 'eu-west-1': create it",
            cause);

    assertThat(e.backend()).isEqualTo("dynamodb");
    assertThat(e.causeSummary())
        .isEqualTo("ResourceNotFound: table portcullis-sessions in eu-west-1");
    assertThat(e)
        .hasMessage(
            "backend 'dynamodb' cannot answer: table 'portcullis-sessions' does not exist in"
                + " region 'eu-west-1': create it")
        .hasCause(cause);
  }

  @Test
  void a_short_message_is_its_own_summary() {
    BackendUnavailableException e = new BackendUnavailableException("memory", "outage", null);

    assertThat(e.causeSummary()).isEqualTo("outage");
    assertThat(e).hasMessage("backend 'memory' cannot answer: outage");
  }

  @Test
  void a_summary_is_one_line_whatever_it_was_given() {
    BackendUnavailableException e =
        new BackendUnavailableException("jwt", "Timeout:\r\nJWKS\tat idp", "slow", null);

    assertThat(e.causeSummary()).isEqualTo("Timeout:  JWKS at idp");
  }

  @Test
  void a_long_summary_is_cut_short_and_says_so() {
    BackendUnavailableException e =
        new BackendUnavailableException("jwt", "x".repeat(500), "long", null);

    assertThat(e.causeSummary())
        .hasSize(BackendUnavailableException.MAX_SUMMARY_LENGTH)
        .endsWith("...");
  }

  @Test
  void a_summary_never_holds_an_unpaired_surrogate_that_a_json_writer_would_refuse() {
    String cutInsideAPair =
        "y".repeat(BackendUnavailableException.MAX_SUMMARY_LENGTH - 4) + "\uD83D\uDE00tail";

    assertThat(new BackendUnavailableException("jwt", "a\uD800b", "x", null).causeSummary())
        .isEqualTo("a?b");
    assertThat(new BackendUnavailableException("jwt", cutInsideAPair, "x", null).causeSummary())
        .doesNotContain("\uD83D")
        .endsWith("?...");
  }
}
