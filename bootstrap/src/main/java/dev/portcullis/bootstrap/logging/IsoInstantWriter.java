package dev.portcullis.bootstrap.logging;

import java.time.Instant;

/**
 * Writes an instant as {@link Instant#toString} does ({@code DateTimeFormatter.ISO_INSTANT}), such
 * as {@code 2030-01-01T00:00:00.123Z}: the decision log's timestamp.
 */
final class IsoInstantWriter {

  /** 0000-01-01T00:00:00Z: the first second written by hand; earlier years are signed. */
  static final long MIN_SECOND = -62_167_219_200L;

  /** 9999-12-31T23:59:59Z: the last second written by hand; later years have a plus sign. */
  static final long MAX_SECOND = 253_402_300_799L;

  private static final long SECONDS_PER_DAY = 86_400;

  private IsoInstantWriter() {}

  /**
   * The text {@link Instant#toString} gives. Cold start: written by hand, it avoids {@code
   * java.time.format}, whose first use (the {@code DateTimeFormatter} class initialisation and its
   * lambdas) costs about 5 ms.
   */
  static String format(Instant instant) {
    long seconds = instant.getEpochSecond();
    if (seconds < MIN_SECOND || seconds > MAX_SECOND) {
      return instant.toString(); // signed or five-digit years: never a clock's now
    }
    long epochDay = Math.floorDiv(seconds, SECONDS_PER_DAY);
    int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
    // H. Hinnant's civil_from_days: the proleptic Gregorian date of a day since 1970-01-01.
    long shifted = epochDay + 719_468;
    long era = Math.floorDiv(shifted, 146_097);
    long dayOfEra = shifted - era * 146_097;
    long yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
    long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    long shiftedMonth = (5 * dayOfYear + 2) / 153;
    int day = (int) (dayOfYear - (153 * shiftedMonth + 2) / 5 + 1);
    int month = (int) (shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9);
    int year = (int) (yearOfEra + era * 400 + (month <= 2 ? 1 : 0));

    StringBuilder text = new StringBuilder(30);
    pad(text, year, 4).append('-');
    pad(text, month, 2).append('-');
    pad(text, day, 2).append('T');
    pad(text, secondOfDay / 3600, 2).append(':');
    pad(text, secondOfDay / 60 % 60, 2).append(':');
    pad(text, secondOfDay % 60, 2);
    int nano = instant.getNano();
    if (nano > 0) {
      // As ISO_INSTANT: the fraction in groups of three digits, as few as hold it.
      text.append('.');
      if (nano % 1_000_000 == 0) {
        pad(text, nano / 1_000_000, 3);
      } else if (nano % 1_000 == 0) {
        pad(text, nano / 1_000, 6);
      } else {
        pad(text, nano, 9);
      }
    }
    return text.append('Z').toString();
  }

  private static StringBuilder pad(StringBuilder text, int value, int width) {
    int limit = 1;
    for (int i = 1; i < width; i++) {
      limit *= 10;
    }
    while (limit > 1 && value < limit) {
      text.append('0');
      limit /= 10;
    }
    return text.append(value);
  }
}
