package dev.portcullis.adapters.dynamodb;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import software.amazon.awssdk.enhanced.dynamodb.AttributeConverter;
import software.amazon.awssdk.enhanced.dynamodb.AttributeValueType;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Stores an instant as a DynamoDB number of epoch seconds, the format TTL reads. A whole second
 * stays an integer ({@code 1893456000}); a finer instant keeps its exact fraction ({@code
 * 1893456000.25}), so what is read back equals what was written. Any other type is refused.
 */
final class EpochSeconds implements AttributeConverter<Instant> {

  private static final int NANO_DIGITS = 9;

  private final String attribute;

  /** The converter of the attribute {@code attribute}, which its refusals name. */
  EpochSeconds(String attribute) {
    this.attribute = attribute;
  }

  /** The number an expression compares the attribute with. */
  static AttributeValue attributeValue(Instant instant) {
    return AttributeValue.fromN(format(instant));
  }

  static String format(Instant instant) {
    return BigDecimal.valueOf(instant.getEpochSecond())
        .add(BigDecimal.valueOf(instant.getNano(), NANO_DIGITS))
        .stripTrailingZeros()
        .toPlainString();
  }

  /**
   * The instant a number of epoch seconds stands for.
   *
   * @throws MalformedItemException when {@code number} is not a number of epoch seconds
   */
  static Instant parse(String number) {
    try {
      BigDecimal value = new BigDecimal(number).setScale(NANO_DIGITS, RoundingMode.FLOOR);
      BigDecimal seconds = value.setScale(0, RoundingMode.FLOOR);
      int nanos = value.subtract(seconds).movePointRight(NANO_DIGITS).intValueExact();
      return Instant.ofEpochSecond(seconds.longValueExact(), nanos);
    } catch (ArithmeticException | DateTimeException | NumberFormatException e) {
      throw new MalformedItemException("'" + number + "' is not a number of epoch seconds", e);
    }
  }

  @Override
  public AttributeValue transformFrom(Instant instant) {
    return attributeValue(instant);
  }

  @Override
  public Instant transformTo(AttributeValue value) {
    if (value.n() == null) {
      throw new MalformedItemException(
          "attribute '"
              + attribute
              + "' must be a number of epoch seconds, got type "
              + value.type());
    }
    return parse(value.n());
  }

  @Override
  public EnhancedType<Instant> type() {
    return EnhancedType.of(Instant.class);
  }

  @Override
  public AttributeValueType attributeValueType() {
    return AttributeValueType.N;
  }
}
