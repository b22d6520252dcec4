package dev.portcullis.adapters.dynamodb;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.AttributeConverter;
import software.amazon.awssdk.enhanced.dynamodb.AttributeValueType;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Converters for the session table's string attributes that read only the type they write: a
 * string, a list of strings, a map of strings. The SDK's own string converter would read a number,
 * a boolean or a set as its text; here any other type is a malformed row, named in the refusal.
 */
final class StringConverters {

  private StringConverters() {}

  /** An {@code S} attribute. */
  static AttributeConverter<String> string(String attribute) {
    return new Text(attribute);
  }

  /** An {@code L} attribute whose every element is an {@code S}. */
  static AttributeConverter<List<String>> list(String attribute) {
    return new TextList(attribute);
  }

  /** An {@code M} attribute whose every value is an {@code S}. */
  static AttributeConverter<Map<String, String>> map(String attribute) {
    return new TextMap(attribute);
  }

  private record Text(String attribute) implements AttributeConverter<String> {

    @Override
    public AttributeValue transformFrom(String text) {
      return AttributeValue.fromS(text);
    }

    @Override
    public String transformTo(AttributeValue value) {
      if (value.s() == null) {
        throw wrongType(attribute, "a string", value);
      }
      return value.s();
    }

    @Override
    public EnhancedType<String> type() {
      return EnhancedType.of(String.class);
    }

    @Override
    public AttributeValueType attributeValueType() {
      return AttributeValueType.S;
    }
  }

  private record TextList(String attribute) implements AttributeConverter<List<String>> {

    @Override
    public AttributeValue transformFrom(List<String> texts) {
      return AttributeValue.fromL(texts.stream().map(AttributeValue::fromS).toList());
    }

    @Override
    public List<String> transformTo(AttributeValue value) {
      if (!value.hasL()) {
        throw wrongType(attribute, "a list of strings", value);
      }
      List<String> texts = new ArrayList<>(value.l().size());
      for (AttributeValue element : value.l()) {
        texts.add(element(attribute, "a list of strings", element));
      }
      return texts;
    }

    @Override
    public EnhancedType<List<String>> type() {
      return EnhancedType.listOf(String.class);
    }

    @Override
    public AttributeValueType attributeValueType() {
      return AttributeValueType.L;
    }
  }

  private record TextMap(String attribute) implements AttributeConverter<Map<String, String>> {

    @Override
    public AttributeValue transformFrom(Map<String, String> texts) {
      Map<String, AttributeValue> values = new LinkedHashMap<>();
      texts.forEach((key, text) -> values.put(key, AttributeValue.fromS(text)));
      return AttributeValue.fromM(values);
    }

    @Override
    public Map<String, String> transformTo(AttributeValue value) {
      if (!value.hasM()) {
        throw wrongType(attribute, "a map of strings", value);
      }
      Map<String, String> texts = new LinkedHashMap<>();
      value
          .m()
          .forEach(
              (key, element) -> texts.put(key, element(attribute, "a map of strings", element)));
      return texts;
    }

    @Override
    public EnhancedType<Map<String, String>> type() {
      return EnhancedType.mapOf(String.class, String.class);
    }

    @Override
    public AttributeValueType attributeValueType() {
      return AttributeValueType.M;
    }
  }

  private static String element(String attribute, String expected, AttributeValue element) {
    if (element == null || element.s() == null) {
      throw new MalformedItemException(
          "attribute '"
              + attribute
              + "' must be "
              + expected
              + ", and holds a value of type "
              + (element == null ? "null" : element.type()));
    }
    return element.s();
  }

  private static MalformedItemException wrongType(
      String attribute, String expected, AttributeValue value) {
    return new MalformedItemException(
        "attribute '" + attribute + "' must be " + expected + ", got type " + value.type());
  }
}
