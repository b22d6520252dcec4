package dev.portcullis.adapters.inmemory;

import java.time.DateTimeException;
import java.time.Instant;

/**
 * Reads the seed file's instants, such as {@code 2030-01-01T00:00:00Z}, exactly as {@link
 * Instant#parse} does. The common form is read by hand; anything else is left to {@link
 * Instant#parse}, so that what is accepted, and its value, never changes.
 */
final class IsoInstantReader {

  private static final long SECONDS_PER_DAY = 86_400;

  private IsoInstantReader() {}

  /**
   * The instant {@code text} names, or null when {@link Instant#parse} rejects it.
   *
   * <p>Cold start: the hand-written reader avoids {@code java.time.format}, whose first use (the
   * {@code DateTimeFormatter} class initialisation and its lambdas) costs about 5 ms.
   */
  static Instant parse(String text) {
    Instant common = parseCommonForm(text);
    if (common != null) {
      return common;
    }
    // Lower-case letters, offsets, 24:00, leap seconds, long years and malformed text.
    try {
      return Instant.parse(text);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /**
   * Reads {@code uuuu-MM-ddTHH:mm:ss[.f…]Z}, a four-digit year, a real date, a time from 00:00:00
   * to 23:59:59 and one to nine digits of fraction, upper-case {@code T} and {@code Z}. Null for
   * anything else, which {@link Instant#parse} may still accept.
   */
  static Instant parseCommonForm(String text) {
    int length = text.length();
    if (length < 20 || length > 30 || text.charAt(length - 1) != 'Z') {
      return null;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 2);
    int day = digits(text, 8, 2);
    int hour = digits(text, 11, 2);
    int minute = digits(text, 14, 2);
    int second = digits(text, 17, 2);
    if (year < 0
        || month < 1
        || month > 12
        || day < 1
        || day > lengthOfMonth(year, month)
        || hour < 0
        || hour > 23
        || minute < 0
        || minute > 59
        || second < 0
        || second > 59
        || text.charAt(4) != '-'
        || text.charAt(7) != '-'
        || text.charAt(10) != 'T'
        || text.charAt(13) != ':'
        || text.charAt(16) != ':') {
      return null;
    }
    int nano = 0;
    if (length > 20) {
      int fractionDigits = length - 21;
      if (text.charAt(19) != '.' || fractionDigits < 1) {
        return null;
      }
      nano = digits(text, 20, fractionDigits);
      if (nano < 0) {
        return null;
      }
      for (int i = fractionDigits; i < 9; i++) {
        nano *= 10;
      }
    }
    long seconds =
        epochDay(year, month, day) * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second;
    return Instant.ofEpochSecond(seconds, nano);
  }

  /** The value of {@code count} ASCII digits at {@code from}, or -1 if any is not one. */
  private static int digits(String text, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static int lengthOfMonth(int year, int month) {
    if (month == 2) {
      boolean leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
      return leap ? 29 : 28;
    }
    return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
  }

  /** Days from 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's days_from_civil). */
  private static long epochDay(int year, int month, int day) {
    long y = month <= 2 ? year - 1 : year;
    long era = Math.floorDiv(y, 400);
    long yearOfEra = y - era * 400;
    long dayOfYear = (153L * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146_097 + dayOfEra - 719_468;
  }
}
