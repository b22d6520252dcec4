package dev.portcullis.bootstrap.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tests the decision log's hand-written timestamp against its oracles, {@link Instant#toString} and
 * {@link DateTimeFormatter#ISO_INSTANT}.
 */
class IsoInstantWriterTest {

  @Test
  void generated_instants_in_four_digit_years_are_written_as_iso_instant_writes_them() {
    List<String> wrong = new ArrayList<>();
    Random random = new Random(20261125L);
    for (int i = 0; i < 100_000; i++) {
      // Arrange
      Instant instant =
          Instant.ofEpochSecond(
              between(random, IsoInstantWriter.MIN_SECOND, IsoInstantWriter.MAX_SECOND),
              nano(random));

      // Act
      String text = IsoInstantWriter.format(instant);

      // Assert (below)
      if (!text.equals(DateTimeFormatter.ISO_INSTANT.format(instant))
          || !text.equals(instant.toString())) {
        wrong.add(instant.getEpochSecond() + "." + instant.getNano() + " written as " + text);
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void instants_around_now_are_written_as_iso_instant_writes_them() {
    List<String> wrong = new ArrayList<>();
    Random random = new Random(20261126L);
    long now = Instant.now().getEpochSecond();
    for (int i = 0; i < 100_000; i++) {
      // Arrange: a century either side of today, to the nanosecond, as the system clock gives.
      Instant instant =
          Instant.ofEpochSecond(
              between(random, now - 3_155_760_000L, now + 3_155_760_000L), nano(random));

      // Act
      String text = IsoInstantWriter.format(instant);

      // Assert (below)
      if (!text.equals(DateTimeFormatter.ISO_INSTANT.format(instant))) {
        wrong.add(instant.getEpochSecond() + "." + instant.getNano() + " written as " + text);
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void instants_of_any_year_are_written_as_instant_to_string_writes_them() {
    List<String> wrong = new ArrayList<>();
    Random random = new Random(20261127L);
    for (int i = 0; i < 50_000; i++) {
      // Arrange
      Instant instant =
          Instant.ofEpochSecond(
              between(random, Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond()),
              nano(random));

      // Act
      String text = IsoInstantWriter.format(instant);

      // Assert (below)
      if (!text.equals(instant.toString())) {
        wrong.add(instant.getEpochSecond() + "." + instant.getNano() + " written as " + text);
      }
    }
    assertThat(wrong).isEmpty();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "1970-01-01T00:00:00Z",
        "1969-12-31T23:59:59.999999999Z",
        "0000-01-01T00:00:00Z",
        "-0001-12-31T23:59:59Z",
        "9999-12-31T23:59:59.999999999Z",
        "+10000-01-01T00:00:00Z",
        "2000-02-29T12:00:00.100Z",
        "1900-03-01T00:00:00.000001Z",
        "2100-02-28T23:59:59.000000001Z",
        "2024-12-31T23:59:59.120Z",
        "0004-02-29T00:00:00Z",
        "0400-03-01T00:00:00Z",
        "-1000000000-01-01T00:00:00Z",
        "+1000000000-12-31T23:59:59.999999999Z",
      })
  void edge_instants_are_written_as_instant_to_string_writes_them(String iso) {
    // Arrange
    Instant instant = Instant.parse(iso);

    // Act
    String text = IsoInstantWriter.format(instant);

    // Assert
    assertThat(text).isEqualTo(instant.toString());
  }

  @Test
  void the_range_written_by_hand_is_exactly_the_four_digit_years() {
    // Assert
    assertThat(Instant.ofEpochSecond(IsoInstantWriter.MIN_SECOND))
        .hasToString("0000-01-01T00:00:00Z");
    assertThat(Instant.ofEpochSecond(IsoInstantWriter.MIN_SECOND - 1))
        .hasToString("-0001-12-31T23:59:59Z");
    assertThat(Instant.ofEpochSecond(IsoInstantWriter.MAX_SECOND))
        .hasToString("9999-12-31T23:59:59Z");
    assertThat(Instant.ofEpochSecond(IsoInstantWriter.MAX_SECOND + 1))
        .hasToString("+10000-01-01T00:00:00Z");
  }

  private static long between(Random random, long min, long max) {
    return min + Math.floorMod(random.nextLong(), max - min + 1);
  }

  /** Whole seconds, milliseconds, microseconds or nanoseconds, as a clock may give. */
  private static int nano(Random random) {
    return switch (random.nextInt(4)) {
      case 0 -> 0;
      case 1 -> random.nextInt(1000) * 1_000_000;
      case 2 -> random.nextInt(1_000_000) * 1_000;
      default -> random.nextInt(1_000_000_000);
    };
  }
}
