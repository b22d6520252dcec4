package dev.portcullis.adapters.inmemory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Tests the seed file's hand-written instant reader against its oracle, {@link Instant#parse}. */
class IsoInstantReaderTest {

  private static final long SEED = 20261125L;
  private static final long MIN_SECOND = -62_167_219_200L; // 0000-01-01T00:00:00Z
  private static final long MAX_SECOND = 253_402_300_799L; // 9999-12-31T23:59:59Z
  private static final String NASTY = "0123456789-:.TtZz+ \t\n\u0000\u0660\uff10\ud83d\u00a0Wx";

  @Test
  void every_instant_written_by_iso_instant_is_read_by_hand_to_the_same_value() {
    Random random = new Random(SEED);
    List<String> wrong = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      // Arrange
      Instant instant =
          Instant.ofEpochSecond(between(random, MIN_SECOND, MAX_SECOND), nano(random));
      String text = DateTimeFormatter.ISO_INSTANT.format(instant);

      // Act
      Instant read = IsoInstantReader.parseCommonForm(text);

      // Assert (below)
      if (read == null || !read.equals(instant) || !read.equals(Instant.parse(text))) {
        wrong.add(text + " read as " + read);
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void fractions_of_every_width_are_read_as_instant_parse_reads_them() {
    Random random = new Random(SEED + 1);
    List<String> wrong = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      // Arrange
      String whole =
          DateTimeFormatter.ISO_INSTANT.format(
              Instant.ofEpochSecond(between(random, MIN_SECOND, MAX_SECOND)));
      String digits = Integer.toString(1_000_000_000 + random.nextInt(1_000_000_000)).substring(1);
      String text =
          whole.substring(0, whole.length() - 1)
              + "."
              + digits.substring(0, 1 + random.nextInt(9))
              + "Z";

      // Act
      Instant read = IsoInstantReader.parseCommonForm(text);

      // Assert (below)
      if (read == null || !read.equals(Instant.parse(text))) {
        wrong.add(text + " read as " + read);
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void generated_dates_and_times_in_and_out_of_range_are_judged_as_instant_parse_judges_them() {
    Random random = new Random(SEED + 2);
    List<String> wrong = new ArrayList<>();
    int readByHand = 0;
    for (int i = 0; i < 50_000; i++) {
      // Arrange: fields a little beyond their ranges, leap days and month ends included.
      int[] years = {0, 1, 4, 100, 400, 1900, 1970, 2000, 2024, 2100, 9999, random.nextInt(10_000)};
      String text =
          pad(years[random.nextInt(years.length)], 4)
              + "-"
              + pad(random.nextInt(14), 2)
              + "-"
              + pad(random.nextInt(33), 2)
              + "T"
              + pad(random.nextInt(26), 2)
              + ":"
              + pad(random.nextInt(62), 2)
              + ":"
              + pad(random.nextInt(62), 2)
              + "Z";

      // Act
      Instant common = IsoInstantReader.parseCommonForm(text);
      Instant read = IsoInstantReader.parse(text);

      // Assert (below)
      Instant expected = oracle(text);
      if (!Objects.equals(read, expected) || (common != null && !common.equals(expected))) {
        wrong.add(text + " read as " + read + " by hand as " + common + ", expected " + expected);
      }
      readByHand += common != null ? 1 : 0;
    }
    assertThat(wrong).isEmpty();
    assertThat(readByHand).isGreaterThan(10_000);
  }

  @Test
  void mutated_instants_are_accepted_or_refused_exactly_as_instant_parse_does() {
    Random random = new Random(SEED + 3);
    List<String> wrong = new ArrayList<>();
    for (int i = 0; i < 30_000; i++) {
      // Arrange
      String valid =
          DateTimeFormatter.ISO_INSTANT.format(
              Instant.ofEpochSecond(between(random, MIN_SECOND, MAX_SECOND), nano(random)));
      String text = mutate(valid, random);

      // Act
      Instant common = IsoInstantReader.parseCommonForm(text);
      Instant read = IsoInstantReader.parse(text);

      // Assert (below): by hand, only what Instant.parse accepts, to the same value.
      Instant expected = oracle(text);
      if (!Objects.equals(read, expected) || (common != null && !common.equals(expected))) {
        wrong.add(text + " read as " + read + " by hand as " + common + ", expected " + expected);
      }
    }
    assertThat(wrong).isEmpty();
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "2030-01-01t00:00:00z",
        "2030-01-01T24:00:00Z",
        "2030-01-01T23:59:60Z",
        "2030-01-01T00:00:00.Z",
        "2030-01-01T00:00:00+01:00",
        "2030-01-01T00:00:00-00:30",
        "+12030-01-01T00:00:00Z",
        "-0001-01-01T00:00:00Z",
      })
  void forms_left_to_instant_parse_still_give_its_value(String text) {
    // Act
    Instant read = IsoInstantReader.parse(text);

    // Assert
    assertThat(IsoInstantReader.parseCommonForm(text)).isNull();
    assertThat(read).isEqualTo(Instant.parse(text));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "",
        "Z",
        "2030-01-01",
        "2030-01-01T00:00Z",
        "2030-01-01T00:00:00",
        "2030-01-01T00:00:00ZZ",
        "2030-01-01 00:00:00Z",
        "2030-1-01T00:00:00Z",
        "2030-02-29T00:00:00Z",
        "1900-02-29T00:00:00Z",
        "2030-04-31T00:00:00Z",
        "2030-00-01T00:00:00Z",
        "2030-13-01T00:00:00Z",
        "2030-01-00T00:00:00Z",
        "2030-01-01T00:60:00Z",
        "2030-01-01T25:00:00Z",
        "2030-01-01T00:00:00.1234567891Z",
        "2030-01-01T00:00:00,5Z",
        "2030-01-01T00:00:00.-5Z",
        "\uff12\uff10\uff13\uff10-01-01T00:00:00Z",
        "\u0662\u0660\u0663\u0660-01-01T00:00:00Z",
        " 2030-01-01T00:00:00Z",
        "2030-01-01T00:00:00Z ",
        "2030-01-01T00:00:00Z\u0000",
      })
  void text_that_instant_parse_refuses_is_refused(String text) {
    // Act
    Instant read = IsoInstantReader.parse(text);

    // Assert
    assertThat(oracle(text)).isNull();
    assertThat(IsoInstantReader.parseCommonForm(text)).isNull();
    assertThat(read).isNull();
  }

  @Test
  void the_generators_cover_refused_and_accepted_text() {
    // Arrange
    Random random = new Random(SEED + 4);
    List<Boolean> accepted = new ArrayList<>();

    // Act
    for (int i = 0; i < 1_000; i++) {
      String valid = DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochSecond(random.nextInt()));
      accepted.add(oracle(mutate(valid, random)) != null);
    }

    // Assert: the mutation test is worth something only if both outcomes occur often.
    assertThat(accepted).contains(true, false);
    assertThat(accepted.stream().filter(a -> a).count()).isBetween(50L, 950L);
  }

  /** What {@link Instant#parse} makes of {@code text}, or null when it refuses it. */
  private static Instant oracle(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static String mutate(String text, Random random) {
    StringBuilder mutated = new StringBuilder(text);
    int edits = 1 + random.nextInt(3);
    for (int e = 0; e < edits; e++) {
      int at = mutated.length() == 0 ? 0 : random.nextInt(mutated.length());
      char c = NASTY.charAt(random.nextInt(NASTY.length()));
      switch (random.nextInt(5)) {
        case 0 -> {
          if (mutated.length() > 0) {
            mutated.setCharAt(at, c);
          }
        }
        case 1 -> mutated.insert(at, c);
        case 2 -> {
          if (mutated.length() > 0) {
            mutated.deleteCharAt(at);
          }
        }
        case 3 -> mutated.setLength(at);
        default -> {
          if (mutated.length() > 0 && Character.isDigit(mutated.charAt(at))) {
            mutated.setCharAt(at, (char) ('0' + random.nextInt(10))); // another date or time
          }
        }
      }
    }
    return mutated.toString();
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

  private static String pad(int value, int width) {
    StringBuilder text = new StringBuilder(Integer.toString(value));
    while (text.length() < width) {
      text.insert(0, '0');
    }
    return text.toString();
  }
}
