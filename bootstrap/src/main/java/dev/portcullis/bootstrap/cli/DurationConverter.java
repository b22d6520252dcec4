package dev.portcullis.bootstrap.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code 90s}, {@code 30m}, {@code 8h} or {@code 7d}: a positive whole amount and a unit. */
final class DurationConverter implements ITypeConverter<Duration> {

  private static final Pattern DURATION = Pattern.compile("([1-9][0-9]{0,8})([smhd])");

  @Override
  public Duration convert(String text) {
    Matcher m = DURATION.matcher(text);
    if (!m.matches()) {
      throw new TypeConversionException(
          "'" + text + "' is not a positive duration such as 90s, 30m, 8h or 7d");
    }
    long amount = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      default -> Duration.ofDays(amount);
    };
  }
}
