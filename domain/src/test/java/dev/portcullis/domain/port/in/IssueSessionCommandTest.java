package dev.portcullis.domain.port.in;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IssueSessionCommandTest {

  private static IssueSessionCommand command(Set<String> roles, Map<String, String> attributes) {
    return new IssueSessionCommand(
        "alice", roles, attributes, Duration.ofHours(1), Optional.empty());
  }

  @Test
  void a_command_with_context_safe_attributes_is_accepted() {
    assertThatNoException().isThrownBy(() -> command(Set.of("admin"), Map.of("tenant", "acme")));
  }

  @Test
  void an_attribute_that_could_not_go_into_the_context_is_refused_by_name() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> command(Set.of("admin"), Map.of("principalId", "mallory")))
        .withMessageStartingWith("attribute 'principalId' cannot go into an authorizer context");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> command(Set.of("admin"), Map.of("bad key", "x")))
        .withMessageStartingWith("attribute 'bad key'");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> command(Set.of("admin"), Map.of("k", "v".repeat(1025))));
  }

  @Test
  void a_blank_role_or_one_holding_a_comma_is_refused() {
    assertThatIllegalArgumentException().isThrownBy(() -> command(Set.of(" "), Map.of()));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> command(Set.of("admin,reader"), Map.of()))
        .withMessageContaining("'admin,reader'");
  }

  @Test
  void a_time_to_live_that_is_not_positive_is_refused() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new IssueSessionCommand(
                    "alice", Set.of(), Map.of(), Duration.ZERO, Optional.empty()));
  }
}
