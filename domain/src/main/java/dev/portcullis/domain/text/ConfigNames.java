package dev.portcullis.domain.text;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How configuration names enum constants: by their names in lower case. */
public final class ConfigNames {

  private ConfigNames() {}

  /** The constant's name in configuration, such as {@code dynamodb} for {@code DYNAMODB}. */
  public static String of(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT);
  }

  /** The constant of {@code type} that configuration names {@code name}, exactly. */
  public static <E extends Enum<E>> Optional<E> find(Class<E> type, String name) {
    return Arrays.stream(type.getEnumConstants())
        .filter(constant -> of(constant).equals(name))
        .findFirst();
  }
}
