package dev.portcullis.domain.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one-line cause summary at the edges of its length bound, and around surrogate pairs. */
class BackendUnavailableSummaryTest {

  private static final int MAX = BackendUnavailableException.MAX_SUMMARY_LENGTH;

  private static String summaryOf(String text) {
    return new BackendUnavailableException("dynamodb", text, "message", null).causeSummary();
  }

  @Test
  void a_summary_of_exactly_the_bound_is_kept_whole() {
    String text = "x".repeat(MAX);

    assertThat(summaryOf(text)).isEqualTo(text);
  }

  @Test
  void a_summary_shorter_than_the_ellipsis_is_kept_whole() {
    assertThat(summaryOf("ab")).isEqualTo("ab");
  }

  @Test
  void a_surrogate_pair_is_kept_as_the_character_it_spells() {
    assertThat(summaryOf("Timeout: \uD83D\uDE00 table t"))
        .isEqualTo("Timeout: \uD83D\uDE00 table t");
  }

  @Test
  void a_pair_split_by_the_cut_leaves_a_question_mark_and_not_half_a_character() {
    String text = "x".repeat(MAX - 4) + "\uD83D\uDE00" + "y".repeat(10);

    String summary = summaryOf(text);

    assertThat(summary).isEqualTo("x".repeat(MAX - 4) + "?...");
    assertThat(summary).hasSize(MAX);
  }
}
