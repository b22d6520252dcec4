package dev.portcullis.json;

/** What {@link JsonReader#nextToken()} found: a structural mark, a field name or a value. */
public enum JsonToken {
  START_OBJECT,
  END_OBJECT,
  START_ARRAY,
  END_ARRAY,
  FIELD_NAME,
  VALUE_STRING,
  /** A number with neither fraction nor exponent, such as {@code -12}. */
  VALUE_NUMBER_INT,
  /** A number with a fraction or an exponent, such as {@code 1.5} or {@code 2e3}. */
  VALUE_NUMBER_FLOAT,
  VALUE_TRUE,
  VALUE_FALSE,
  VALUE_NULL
}
