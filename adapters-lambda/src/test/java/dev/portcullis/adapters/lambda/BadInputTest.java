package dev.portcullis.adapters.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Malformed and hostile events end in Unauthorized or an invalid-event failure, never an Allow. */
class BadInputTest {

  static List<BadInputs.Case> cases() {
    return BadInputs.all();
  }

  @Test
  void theSuiteHoldsAtLeastThirtyFiveCasesWithDistinctNames() {
    List<BadInputs.Case> cases = cases();

    assertThat(cases).hasSizeGreaterThanOrEqualTo(35);
    assertThat(cases.stream().map(BadInputs.Case::toString)).doesNotHaveDuplicates();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void aBadInputEndsInUnauthorizedOrAnInvalidEventAndWritesNothing(BadInputs.Case badInput) {
    // Arrange
    Harness harness = new Harness(badInput.settings());

    // Act
    Harness.Run run = harness.run(badInput.event().get());

    // Assert
    assertThat(run.output()).as("bytes written").isEmpty();
    assertThat(run.records()).hasSize(1);
    DecisionRecord record = run.record();
    assertThat(record.outcome().logName()).isNotIn("allow", "deny");
    assertThat(record.principalId()).isEmpty();
    if (badInput.ending() == BadInputs.Ending.UNAUTHORIZED) {
      assertThat(run.thrown()).isInstanceOf(UnauthorizedException.class).hasMessage("Unauthorized");
      assertThat(record.outcome().logName()).isEqualTo("unauthenticated");
    } else {
      assertThat(run.thrown())
          .isInstanceOf(AuthorizerFailureException.class)
          .hasMessageStartingWith("Invalid authorizer event: ")
          .hasNoCause();
      assertThat(((AuthorizerFailureException) run.thrown()).invalidEvent()).isTrue();
      assertThat(record.outcome().logName()).isEqualTo("invalid_event");
    }
  }
}
