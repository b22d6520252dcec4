package dev.portcullis.json;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes one JSON value as UTF-8 into a growing buffer, with the method names of jackson-core's
 * {@code JsonGenerator}; {@link #writeTo} or {@link #toString} hands it on. Commas and colons are
 * placed by the writer, which refuses calls in the wrong place (a value where a field name is due,
 * an end that closes nothing) with an {@link IllegalStateException}.
 *
 * <p>Strings are escaped as jackson-core escapes them: {@code "} and {@code \}, the control
 * characters (the short escapes where there is one, otherwise {@code \}{@code u00XX}), and
 * everything else written as UTF-8 but surrogates, which are written as {@code \}{@code uXXXX}
 * escapes, as jackson-core writes them. A lone surrogate, which jackson-core refuses, is written
 * the same way, so any Java string can be written and reads back as it was.
 *
 * <p>Why by hand: see {@link JsonReader}. Not thread-safe: one writer per document.
 */
public final class JsonWriter {

  private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

  private byte[] out;
  private int size;
  private int depth;
  // Per open container, indexed by depth (1 is the outermost): its kind, and whether it holds
  // anything yet, so that the next member is preceded by a comma.
  private boolean[] inObject = new boolean[8];
  private boolean[] started = new boolean[8];
  private boolean nameWritten;
  private boolean rootWritten;

  /** A writer whose buffer starts at {@code capacity} bytes and grows as needed. */
  public JsonWriter(int capacity) {
    out = new byte[Math.max(16, capacity)];
  }

  public void writeStartObject() {
    beforeValue();
    open(true, '{');
  }

  public void writeEndObject() {
    close(true, '}');
  }

  public void writeStartArray() {
    beforeValue();
    open(false, '[');
  }

  public void writeEndArray() {
    close(false, ']');
  }

  /** Writes a field name; the next call writes its value. */
  public void writeFieldName(String name) {
    if (depth == 0 || !inObject[depth] || nameWritten) {
      throw new IllegalStateException("a field name belongs in an object, before its value");
    }
    if (started[depth]) {
      append((byte) ',');
    }
    started[depth] = true;
    quoted(name);
    append((byte) ':');
    nameWritten = true;
  }

  /** Writes a string, or {@code null} for a null value. */
  public void writeString(String value) {
    if (value == null) {
      writeNull();
      return;
    }
    beforeValue();
    quoted(value);
  }

  public void writeNumber(long value) {
    beforeValue();
    ascii(Long.toString(value));
  }

  /** Writes the number as {@link BigDecimal#toString} shows it, or null for a null value. */
  public void writeNumber(BigDecimal value) {
    if (value == null) {
      writeNull();
      return;
    }
    beforeValue();
    ascii(value.toString());
  }

  /** Writes the number, or null for a null value. */
  public void writeNumber(BigInteger value) {
    if (value == null) {
      writeNull();
      return;
    }
    beforeValue();
    ascii(value.toString());
  }

  public void writeBoolean(boolean value) {
    beforeValue();
    ascii(value ? "true" : "false");
  }

  public void writeNull() {
    beforeValue();
    ascii("null");
  }

  public void writeStringField(String name, String value) {
    writeFieldName(name);
    writeString(value);
  }

  public void writeNumberField(String name, long value) {
    writeFieldName(name);
    writeNumber(value);
  }

  public void writeBooleanField(String name, boolean value) {
    writeFieldName(name);
    writeBoolean(value);
  }

  public void writeNullField(String name) {
    writeFieldName(name);
    writeNull();
  }

  public void writeObjectFieldStart(String name) {
    writeFieldName(name);
    writeStartObject();
  }

  public void writeArrayFieldStart(String name) {
    writeFieldName(name);
    writeStartArray();
  }

  /** The number of bytes written. */
  public int size() {
    return size;
  }

  /** A copy of the bytes written. */
  public byte[] toByteArray() {
    return Arrays.copyOf(out, size);
  }

  /** Writes the bytes written so far to a stream, which stays open. */
  public void writeTo(OutputStream stream) throws IOException {
    stream.write(out, 0, size);
  }

  /**
   * Writes the bytes written so far and a line feed to a stream in one call, as one record of JSON
   * Lines: a log line that the reader of the stream never sees in two pieces.
   */
  public void writeLineTo(OutputStream stream) throws IOException {
    ensure(1);
    out[size] = '\n';
    stream.write(out, 0, size + 1);
  }

  /** The text written so far. */
  @Override
  public String toString() {
    return new String(out, 0, size, StandardCharsets.UTF_8);
  }

  private void beforeValue() {
    if (depth == 0) {
      if (rootWritten) {
        throw new IllegalStateException("a writer writes one value");
      }
      rootWritten = true;
    } else if (inObject[depth]) {
      if (!nameWritten) {
        throw new IllegalStateException("a value in an object needs its field name first");
      }
      nameWritten = false;
    } else {
      if (started[depth]) {
        append((byte) ',');
      }
      started[depth] = true;
    }
  }

  private void open(boolean object, char bracket) {
    append((byte) bracket);
    depth++;
    if (depth == inObject.length) {
      inObject = Arrays.copyOf(inObject, depth * 2);
      started = Arrays.copyOf(started, depth * 2);
    }
    inObject[depth] = object;
    started[depth] = false;
  }

  private void close(boolean object, char bracket) {
    if (depth == 0 || inObject[depth] != object || nameWritten) {
      throw new IllegalStateException(
          "'" + bracket + "' closes no open " + (object ? "object" : "array"));
    }
    depth--;
    append((byte) bracket);
  }

  private void ascii(String text) {
    int length = text.length();
    ensure(length);
    for (int i = 0; i < length; i++) {
      out[size++] = (byte) text.charAt(i);
    }
  }

  private void quoted(String text) {
    int length = text.length();
    // At most six bytes per char (a backslash-u escape), and the two quotes.
    ensure(length * 6L + 2);
    byte[] buffer = out;
    int n = size;
    buffer[n++] = '"';
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
        buffer[n++] = (byte) c;
      } else if (c < 0x80) {
        n = escape(buffer, n, c);
      } else if (c < 0x800) {
        buffer[n++] = (byte) (0xC0 | c >> 6);
        buffer[n++] = (byte) (0x80 | c & 0x3F);
      } else if (!Character.isSurrogate(c)) {
        buffer[n++] = (byte) (0xE0 | c >> 12);
        buffer[n++] = (byte) (0x80 | c >> 6 & 0x3F);
        buffer[n++] = (byte) (0x80 | c & 0x3F);
      } else {
        n = unicodeEscape(buffer, n, c);
      }
    }
    buffer[n++] = '"';
    size = n;
  }

  private static int escape(byte[] buffer, int n, char c) {
    char shortForm =
        switch (c) {
          case '"' -> '"';
          case '\\' -> '\\';
          case '\b' -> 'b';
          case '\f' -> 'f';
          case '\n' -> 'n';
          case '\r' -> 'r';
          case '\t' -> 't';
          default -> 0;
        };
    if (shortForm == 0) {
      return unicodeEscape(buffer, n, c);
    }
    buffer[n++] = '\\';
    buffer[n++] = (byte) shortForm;
    return n;
  }

  private static int unicodeEscape(byte[] buffer, int n, char c) {
    buffer[n++] = '\\';
    buffer[n++] = 'u';
    buffer[n++] = HEX[c >> 12 & 0xF];
    buffer[n++] = HEX[c >> 8 & 0xF];
    buffer[n++] = HEX[c >> 4 & 0xF];
    buffer[n++] = HEX[c & 0xF];
    return n;
  }

  private void append(byte b) {
    ensure(1);
    out[size++] = b;
  }

  private void ensure(long more) {
    if (out.length - size < more) {
      long needed = size + more;
      if (needed > Integer.MAX_VALUE - 8) {
        throw new IllegalStateException("a JSON document may not exceed 2 GB");
      }
      out =
          Arrays.copyOf(
              out, (int) Math.max(Math.min(out.length * 2L, Integer.MAX_VALUE - 8), needed));
    }
  }
}
