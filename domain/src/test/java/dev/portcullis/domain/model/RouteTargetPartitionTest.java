package dev.portcullis.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The partition of an ARN at the edges of its shape: group counts and group lengths. */
class RouteTargetPartitionTest {

  private static final String REST = ":execute-api:us-east-1:123456789012:abcdef1234/prod/GET/x";

  @Test
  void three_groups_of_one_and_of_ten_letters_make_a_partition() {
    RouteTarget target = RouteTarget.parse("arn:aws-a-bcdefghijk-c" + REST);

    assertThat(target.arn()).startsWith("arn:aws-a-bcdefghijk-c:");
  }

  @Test
  void a_fourth_group_or_a_group_of_eleven_letters_is_refused() {
    assertThatThrownBy(() -> RouteTarget.parse("arn:aws-a-b-c-d" + REST))
        .isInstanceOf(MalformedArnException.class);
    assertThatThrownBy(() -> RouteTarget.parse("arn:aws-bcdefghijkl" + REST))
        .isInstanceOf(MalformedArnException.class);
  }
}
