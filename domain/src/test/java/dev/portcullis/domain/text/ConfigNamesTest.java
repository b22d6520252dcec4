package dev.portcullis.domain.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import org.junit.jupiter.api.Test;

/** Tests how configuration names enum constants. */
class ConfigNamesTest {

  @Test
  void a_constant_is_named_in_lower_case() {
    assertThat(ConfigNames.of(DayOfWeek.MONDAY)).isEqualTo("monday");
  }

  @Test
  void the_lower_case_name_finds_the_constant_and_nothing_else_does() {
    assertThat(ConfigNames.find(DayOfWeek.class, "friday")).contains(DayOfWeek.FRIDAY);
    assertThat(ConfigNames.find(DayOfWeek.class, "FRIDAY")).isEmpty();
    assertThat(ConfigNames.find(DayOfWeek.class, " friday")).isEmpty();
    assertThat(ConfigNames.find(DayOfWeek.class, "fri")).isEmpty();
  }
}
