package dev.portcullis.adapters.dynamodb;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Stores an instant as a DynamoDB number of epoch seconds, the format TTL reads. A whole second
 * stays an integer ({@code 1893456000}); a finer instant keeps its exact fraction ({@code
 * 1893456000.25}), so what is read back equals what was written.
 */
final class EpochSeconds {

  private static final int NANO_DIGITS = 9;

  private EpochSeconds() {}

  static AttributeValue attributeValue(Instant instant) {
    return AttributeValue.fromN(format(instant));
  }

  /**
   * The instant a number attribute holds.
   *
   * @throws IllegalArgumentException when {@code value} is not a number of epoch seconds
   */
  static Instant instant(String attribute, AttributeValue value) {
    if (value.n() == null) {
      throw new IllegalArgumentException(
          "attribute '"
              + attribute
              + "' must be a number of epoch seconds, got type "
              + value.type());
    }
    return parse(value.n());
  }

  static String format(Instant instant) {
    return BigDecimal.valueOf(instant.getEpochSecond())
        .add(BigDecimal.valueOf(instant.getNano(), NANO_DIGITS))
        .stripTrailingZeros()
        .toPlainString();
  }

  static Instant parse(String number) {
    try {
      BigDecimal value = new BigDecimal(number).setScale(NANO_DIGITS, RoundingMode.FLOOR);
      BigDecimal seconds = value.setScale(0, RoundingMode.FLOOR);
      int nanos = value.subtract(seconds).movePointRight(NANO_DIGITS).intValueExact();
      return Instant.ofEpochSecond(seconds.longValueExact(), nanos);
    } catch (ArithmeticException | java.time.DateTimeException | NumberFormatException e) {
      throw new IllegalArgumentException("'" + number + "' is not a number of epoch seconds", e);
    }
  }
}
