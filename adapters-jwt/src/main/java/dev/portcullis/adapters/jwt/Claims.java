package dev.portcullis.adapters.jwt;

import com.nimbusds.jwt.JWTClaimsSet;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads claims by name or dotted path, and turns their values into strings. */
final class Claims {

  private Claims() {}

  /**
   * The claim of this exact name; failing that, for a dotted name such as {@code
   * realm_access.roles}, the value reached by walking nested objects. The exact name wins, so
   * namespaced claims such as {@code https://example.com/roles} still work.
   */
  static Object lookup(JWTClaimsSet claims, String name) {
    Object direct = claims.getClaim(name);
    if (direct != null || name.indexOf('.') < 0) {
      return direct;
    }
    Object current = claims.getClaims();
    for (String part : name.split("\\.", -1)) {
      if (!(current instanceof Map<?, ?> object)) {
        return null;
      }
      current = object.get(part);
    }
    return current;
  }

  /** A string as one value, a list as its string elements, anything else as nothing. */
  static List<String> strings(Object value) {
    if (value instanceof String text) {
      return List.of(text);
    }
    if (value instanceof List<?> list) {
      return list.stream().filter(String.class::isInstance).map(String.class::cast).toList();
    }
    return List.of();
  }

  /**
   * Role names from a value: a list's string elements, or a string split on spaces (the OAuth
   * {@code scope} format).
   */
  static List<String> roleNames(Object value) {
    if (value instanceof String text) {
      return Arrays.stream(text.split(" ")).filter(part -> !part.isEmpty()).toList();
    }
    return strings(value);
  }

  /**
   * A string, number or boolean as text; a date claim as epoch seconds; objects and lists never.
   */
  static Optional<String> scalar(Object value) {
    if (value instanceof String || value instanceof Number || value instanceof Boolean) {
      return Optional.of(value.toString());
    }
    if (value instanceof Date date) {
      return Optional.of(Long.toString(date.toInstant().getEpochSecond()));
    }
    return Optional.empty();
  }
}
