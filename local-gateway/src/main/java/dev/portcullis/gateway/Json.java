package dev.portcullis.gateway;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The local gateway's one {@link JsonMapper}, configured once and shared by every request: strict
 * reading (a name given twice in one object, content after the value, or nesting deeper than
 * {@value #MAX_DEPTH} fails), numbers read as {@code Long}, {@code BigInteger} or {@code
 * BigDecimal} so that they are handed on exactly as written.
 */
final class Json {

  /** Deepest nesting read from an authorizer response. */
  static final int MAX_DEPTH = 32;

  /** A JSON object as plain Java values: strings, numbers, booleans, null, lists and maps. */
  static final TypeReference<Map<String, Object>> PLAIN_OBJECT = new TypeReference<>() {};

  static final JsonMapper MAPPER =
      JsonMapper.builder(
              JsonFactory.builder()
                  .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                  .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                  .streamReadConstraints(
                      StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
                  .build())
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(DeserializationFeature.USE_LONG_FOR_INTS)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .build();

  private Json() {}

  /** A scalar as API Gateway hands REST context values on: as a string. */
  static String stringify(Object value) {
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    if (value instanceof List || value instanceof Map) {
      try {
        return MAPPER.writeValueAsString(value);
      } catch (JsonProcessingException e) {
        throw new UncheckedIOException(e); // unreachable: plain values always serialise
      }
    }
    return String.valueOf(value);
  }
}
