package dev.portcullis.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A grant whose text starts with a space is read as a method and a path, never a route key. */
class GrantLeadingSpaceTest {

  @Test
  void a_leading_space_is_reported_as_an_empty_method() {
    Grant.Parsed parsed = Grant.parse(" /orders");

    assertThat(parsed)
        .isInstanceOfSatisfying(
            Grant.Parsed.Rejected.class,
            rejected -> assertThat(rejected.problem()).startsWith("has unknown method ''"));
  }
}
