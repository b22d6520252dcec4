package dev.portcullis.json;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A strict pull reader of JSON (RFC 8259) held in memory as UTF-8, token by token, with the method
 * names of jackson-core's {@code JsonParser}: {@link #nextToken()}, {@link #currentName()}, {@link
 * #getText()} and {@link #skipChildren()}.
 *
 * <p><b>Why by hand.</b> This is the hot path of every call (each event is read here) and the first
 * thing a fresh Lambda does. jackson-core's first use costs about 50 ms of every cold start (its
 * factory and first parse load and verify some 80 classes: docs/performance.md), more than the rest
 * of the authorizer's work before its first answer; this reader is four small classes. The tests
 * read every document with jackson-core too and compare the answers.
 *
 * <p><b>Strict.</b> No comments, single quotes, unquoted names, trailing commas, leading zeros,
 * {@code NaN} or unescaped control characters; only the escapes RFC 8259 names; well-formed UTF-8
 * only (no overlong forms, no encoded surrogates, nothing above U+10FFFF). A byte order mark at the
 * very start is skipped. Values nest at most {@code maxDepth} deep, and a number has at most
 * {@value #MAX_NUMBER_LENGTH} characters.
 *
 * <p><b>Several values.</b> Like jackson-core, it reads whitespace-separated values one after the
 * other, and answers {@code null} once the input is used up: a caller that wants exactly one value
 * checks that {@link #nextToken()} answers {@code null} after it. A number or literal at the top
 * level must be followed by whitespace or the end.
 *
 * <p>Strings are decoded only when asked for, so values a caller skips cost one validating scan.
 * Not thread-safe: one reader per text.
 */
public final class JsonReader {

  /** The nesting limit when none is given: jackson-core's default. */
  public static final int DEFAULT_MAX_DEPTH = 1000;

  /** The longest number read: jackson-core's default limit. */
  public static final int MAX_NUMBER_LENGTH = 1000;

  private final byte[] in;
  private final int end;
  private final int maxDepth;
  private int pos;

  private JsonToken token;
  private int depth;
  // Per open container, indexed by depth (1 is the outermost): its kind and its last field name.
  private boolean[] inObject = new boolean[8];
  private int[] nameStart = new int[8];
  private int[] nameEnd = new int[8];
  private String[] names = new String[8];
  private boolean[] namePlain = new boolean[8];

  // The current string value or number: where it is, and whether it is plain ASCII.
  private int textStart;
  private int textEnd;
  private boolean textPlain;
  private String text;

  private JsonReader(byte[] in, int length, int maxDepth) {
    if (maxDepth < 1) {
      throw new IllegalArgumentException("maxDepth must be at least 1");
    }
    this.in = in;
    this.end = length;
    this.maxDepth = maxDepth;
    boolean byteOrderMark =
        length >= 3 && (in[0] & 0xFF) == 0xEF && (in[1] & 0xFF) == 0xBB && (in[2] & 0xFF) == 0xBF;
    this.pos = byteOrderMark ? 3 : 0;
  }

  /** A reader of UTF-8 bytes, nesting at most {@value #DEFAULT_MAX_DEPTH} deep. */
  public static JsonReader of(byte[] utf8) {
    return new JsonReader(utf8, utf8.length, DEFAULT_MAX_DEPTH);
  }

  /** A reader of the first {@code length} UTF-8 bytes, nesting at most {@code maxDepth} deep. */
  public static JsonReader of(byte[] utf8, int length, int maxDepth) {
    if (length < 0 || length > utf8.length) {
      throw new IllegalArgumentException("length out of range");
    }
    return new JsonReader(utf8, length, maxDepth);
  }

  /** A reader of a text, nesting at most {@code maxDepth} deep. */
  public static JsonReader of(String text, int maxDepth) {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    return new JsonReader(utf8, utf8.length, maxDepth);
  }

  /**
   * A reader of everything left in a stream, nesting at most {@code maxDepth} deep. The stream is
   * read to its end, not closed; bound its size before, if it comes from outside.
   */
  public static JsonReader of(InputStream stream, int maxDepth) throws IOException {
    byte[] utf8 = stream.readAllBytes();
    return new JsonReader(utf8, utf8.length, maxDepth);
  }

  /** The token read last, or null before the first and after the last. */
  public JsonToken currentToken() {
    return token;
  }

  /**
   * Reads the next token.
   *
   * @return the token, or null when the input holds nothing more
   * @throws JsonException where the input is not JSON or exceeds a limit
   */
  public JsonToken nextToken() throws JsonException {
    text = null;
    int c = skipWhitespace();
    if (depth == 0) {
      return token = c < 0 ? null : value(c);
    }
    if (inObject[depth]) {
      if (token == JsonToken.FIELD_NAME) {
        if (c != ':') {
          throw error("expected ':' after a field name");
        }
        pos++;
        return token = valueOrError(skipWhitespace());
      }
      if (token == JsonToken.START_OBJECT) {
        return token = c == '}' ? close() : name(c);
      }
      if (c == ',') {
        pos++;
        return token = name(skipWhitespace());
      }
      if (c == '}') {
        return token = close();
      }
      throw error("expected ',' or '}' in an object");
    }
    if (token == JsonToken.START_ARRAY) {
      return token = c == ']' ? close() : valueOrError(c);
    }
    if (c == ',') {
      pos++;
      return token = valueOrError(skipWhitespace());
    }
    if (c == ']') {
      return token = close();
    }
    throw error("expected ',' or ']' in an array");
  }

  /**
   * When the current token opens an object or an array, reads on to the token that closes it, which
   * becomes the current token; otherwise does nothing. What is skipped is still checked.
   */
  public void skipChildren() throws JsonException {
    if (token != JsonToken.START_OBJECT && token != JsonToken.START_ARRAY) {
      return;
    }
    int target = depth - 1;
    while (true) {
      JsonToken next = nextToken();
      if (next == null) {
        throw error("unexpected end of input");
      }
      if ((next == JsonToken.END_OBJECT || next == JsonToken.END_ARRAY) && depth == target) {
        return;
      }
    }
  }

  /**
   * The field name that the current token belongs to: the name itself for {@link
   * JsonToken#FIELD_NAME}, the name of the value for a value (for an object or array, of the whole
   * of it, also at its end), or null outside any object.
   */
  public String currentName() {
    if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
      return nameAt(depth - 1);
    }
    return token == null ? null : nameAt(depth);
  }

  /**
   * Whether {@link #currentName()} is {@code expected}. A name without escapes or non-ASCII bytes
   * is compared where it lies in the input, without building a string: the way to test names on a
   * hot path.
   */
  public boolean currentNameEquals(String expected) {
    return nameMatches(expected, false);
  }

  /** As {@link #currentNameEquals}, with ASCII letters compared regardless of case. */
  public boolean currentNameEqualsIgnoreAsciiCase(String expected) {
    return nameMatches(expected, true);
  }

  private boolean nameMatches(String expected, boolean ignoreCase) {
    int level =
        token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY ? depth - 1 : depth;
    if (token == null || level < 1 || !inObject[level] || nameEnd[level] < 0) {
      return false;
    }
    if (!namePlain[level]) {
      String name = nameAt(level);
      return ignoreCase ? equalsIgnoreAsciiCase(name, expected) : name.equals(expected);
    }
    int start = nameStart[level];
    int length = expected.length();
    if (nameEnd[level] - start != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      int actual = in[start + i];
      int wanted = expected.charAt(i);
      if (actual != wanted && (!ignoreCase || lowerAscii(actual) != lowerAscii(wanted))) {
        return false;
      }
    }
    return true;
  }

  private static boolean equalsIgnoreAsciiCase(String a, String b) {
    if (a.length() != b.length()) {
      return false;
    }
    for (int i = 0; i < a.length(); i++) {
      if (lowerAscii(a.charAt(i)) != lowerAscii(b.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static int lowerAscii(int c) {
    return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
  }

  /**
   * The text of the current token: a string value or field name decoded, a number as written, or
   * the literal or bracket itself; null when there is no current token.
   */
  public String getText() {
    if (token == null) {
      return null;
    }
    switch (token) {
      case FIELD_NAME:
        return nameAt(depth);
      case VALUE_STRING:
        if (text == null) {
          text = textPlain ? ascii(textStart, textEnd) : decode(textStart, textEnd);
        }
        return text;
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        if (text == null) {
          text = ascii(textStart, textEnd);
        }
        return text;
      case VALUE_TRUE:
        return "true";
      case VALUE_FALSE:
        return "false";
      case VALUE_NULL:
        return "null";
      case START_OBJECT:
        return "{";
      case END_OBJECT:
        return "}";
      case START_ARRAY:
        return "[";
      default:
        return "]";
    }
  }

  private String nameAt(int level) {
    if (level < 1 || !inObject[level] || nameEnd[level] < 0) {
      return null;
    }
    String name = names[level];
    if (name == null) {
      int start = nameStart[level];
      int stop = nameEnd[level];
      name = namePlain[level] ? ascii(start, stop) : decode(start, stop);
      names[level] = name;
    }
    return name;
  }

  /** The next byte that is not whitespace, not consumed, or -1 at the end. */
  private int skipWhitespace() {
    while (pos < end) {
      int c = in[pos];
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        return c & 0xFF;
      }
      pos++;
    }
    return -1;
  }

  private JsonToken valueOrError(int c) throws JsonException {
    if (c < 0) {
      throw error("unexpected end of input");
    }
    return value(c);
  }

  private JsonToken value(int c) throws JsonException {
    switch (c) {
      case '{':
        return open(true);
      case '[':
        return open(false);
      case '"':
        pos++;
        textStart = pos;
        textPlain = scanString(false);
        textEnd = pos - 1;
        return JsonToken.VALUE_STRING;
      case 't':
        return literal("true", JsonToken.VALUE_TRUE);
      case 'f':
        return literal("false", JsonToken.VALUE_FALSE);
      case 'n':
        return literal("null", JsonToken.VALUE_NULL);
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          return number();
        }
        throw error("expected a value");
    }
  }

  private JsonToken name(int c) throws JsonException {
    if (c != '"') {
      throw error(c < 0 ? "unexpected end of input" : "expected a field name in double quotes");
    }
    pos++;
    nameStart[depth] = pos;
    namePlain[depth] = scanString(true);
    nameEnd[depth] = pos - 1;
    names[depth] = null;
    return JsonToken.FIELD_NAME;
  }

  private JsonToken open(boolean object) throws JsonException {
    if (depth == maxDepth) {
      throw limit("values nest deeper than " + maxDepth + " levels");
    }
    pos++;
    depth++;
    if (depth == inObject.length) {
      grow();
    }
    inObject[depth] = object;
    nameEnd[depth] = -1;
    names[depth] = null;
    return object ? JsonToken.START_OBJECT : JsonToken.START_ARRAY;
  }

  private JsonToken close() {
    pos++;
    boolean object = inObject[depth];
    depth--;
    return object ? JsonToken.END_OBJECT : JsonToken.END_ARRAY;
  }

  private void grow() {
    int size = inObject.length * 2;
    inObject = Arrays.copyOf(inObject, size);
    nameStart = Arrays.copyOf(nameStart, size);
    nameEnd = Arrays.copyOf(nameEnd, size);
    names = Arrays.copyOf(names, size);
    namePlain = Arrays.copyOf(namePlain, size);
  }

  private JsonToken literal(String word, JsonToken literal) throws JsonException {
    int length = word.length();
    if (end - pos < length) {
      throw error("expected a value");
    }
    for (int i = 0; i < length; i++) {
      if (in[pos + i] != word.charAt(i)) {
        throw error("expected a value");
      }
    }
    pos += length;
    checkDelimiter();
    return literal;
  }

  /** Reads {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?}. */
  private JsonToken number() throws JsonException {
    int start = pos;
    if (in[pos] == '-') {
      pos++;
    }
    if (pos == end || !isDigit(in[pos])) {
      throw error("expected a digit");
    }
    if (in[pos] == '0') {
      pos++;
      if (pos < end && isDigit(in[pos])) {
        throw error("a number may not have a leading zero");
      }
    } else {
      skipDigits();
    }
    boolean integral = true;
    if (pos < end && in[pos] == '.') {
      pos++;
      requireDigit();
      skipDigits();
      integral = false;
    }
    if (pos < end && (in[pos] == 'e' || in[pos] == 'E')) {
      pos++;
      if (pos < end && (in[pos] == '+' || in[pos] == '-')) {
        pos++;
      }
      requireDigit();
      skipDigits();
      integral = false;
    }
    if (pos - start > MAX_NUMBER_LENGTH) {
      throw limit("a number is longer than " + MAX_NUMBER_LENGTH + " characters");
    }
    textStart = start;
    textEnd = pos;
    checkDelimiter();
    return integral ? JsonToken.VALUE_NUMBER_INT : JsonToken.VALUE_NUMBER_FLOAT;
  }

  private void requireDigit() throws JsonException {
    if (pos == end || !isDigit(in[pos])) {
      throw error("expected a digit");
    }
  }

  private void skipDigits() {
    while (pos < end && isDigit(in[pos])) {
      pos++;
    }
  }

  private static boolean isDigit(byte b) {
    return b >= '0' && b <= '9';
  }

  /** After a number or literal: whitespace, the end, or (inside a container) a separator. */
  private void checkDelimiter() throws JsonException {
    if (pos == end) {
      return;
    }
    byte b = in[pos];
    if (b == ' ' || b == '\n' || b == '\r' || b == '\t') {
      return;
    }
    if (depth > 0 && (b == ',' || b == ']' || b == '}')) {
      return;
    }
    throw error("unexpected character after a value");
  }

  /**
   * Checks a string from just after its opening quote to just after its closing one, and says
   * whether it is plain: printable ASCII without escapes, readable byte for byte. In a field name,
   * as jackson-core, a surrogate escape must be half of a pair; a string value may hold one alone.
   */
  private boolean scanString(boolean name) throws JsonException {
    boolean plain = true;
    while (pos < end) {
      int b = in[pos] & 0xFF;
      if (b == '"') {
        pos++;
        return plain;
      }
      if (b == '\\') {
        plain = false;
        scanEscape(name);
      } else if (b < 0x20) {
        throw error("a string holds an unescaped control character");
      } else if (b < 0x80) {
        pos++;
      } else {
        plain = false;
        pos += utf8Length(b, pos);
      }
    }
    throw error("unexpected end of input in a string");
  }

  private void scanEscape(boolean name) throws JsonException {
    if (pos + 1 >= end) {
      throw error("unexpected end of input in a string");
    }
    switch (in[pos + 1]) {
      case '"':
      case '\\':
      case '/':
      case 'b':
      case 'f':
      case 'n':
      case 'r':
      case 't':
        pos += 2;
        return;
      case 'u':
        if (pos + 6 > end) {
          throw error("unexpected end of input in a string");
        }
        int unit = unicodeEscape(pos);
        pos += 6;
        if (name && Character.isSurrogate((char) unit)) {
          if (Character.isLowSurrogate((char) unit)
              || pos + 6 > end
              || in[pos] != '\\'
              || in[pos + 1] != 'u'
              || !Character.isLowSurrogate((char) unicodeEscape(pos))) {
            throw error("a field name holds half of a surrogate pair");
          }
          pos += 6;
        }
        return;
      default:
        throw error("a string holds an escape RFC 8259 does not name");
    }
  }

  /** The code unit of the {@code \\u} escape at {@code at}, which has its six bytes. */
  private int unicodeEscape(int at) throws JsonException {
    int unit = 0;
    for (int i = at + 2; i < at + 6; i++) {
      int digit = hex(in[i]);
      if (digit < 0) {
        throw error("a \\u escape needs four hex digits");
      }
      unit = unit << 4 | digit;
    }
    return unit;
  }

  private static int hex(byte b) {
    if (b >= '0' && b <= '9') {
      return b - '0';
    }
    if (b >= 'a' && b <= 'f') {
      return b - 'a' + 10;
    }
    if (b >= 'A' && b <= 'F') {
      return b - 'A' + 10;
    }
    return -1;
  }

  /**
   * The length of the well-formed UTF-8 sequence that starts with {@code lead} at {@code at} (RFC
   * 3629, section 4): no overlong form, no surrogate, nothing above U+10FFFF.
   */
  private int utf8Length(int lead, int at) throws JsonException {
    int length;
    int low = 0x80;
    int high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3;
      if (lead == 0xE0) {
        low = 0xA0;
      } else if (lead == 0xED) {
        high = 0x9F;
      }
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4;
      if (lead == 0xF0) {
        low = 0x90;
      } else if (lead == 0xF4) {
        high = 0x8F;
      }
    } else {
      throw error("not valid UTF-8");
    }
    if (at + length > end) {
      throw error("not valid UTF-8");
    }
    int second = in[at + 1] & 0xFF;
    if (second < low || second > high) {
      throw error("not valid UTF-8");
    }
    for (int i = at + 2; i < at + length; i++) {
      int next = in[i] & 0xFF;
      if (next < 0x80 || next > 0xBF) {
        throw error("not valid UTF-8");
      }
    }
    return length;
  }

  private String ascii(int start, int stop) {
    return new String(in, start, stop - start, StandardCharsets.ISO_8859_1);
  }

  /** Decodes a checked string's escapes and UTF-8; it never grows beyond its byte count. */
  private String decode(int start, int stop) {
    char[] chars = new char[stop - start];
    int n = 0;
    int i = start;
    while (i < stop) {
      int b = in[i] & 0xFF;
      if (b == '\\') {
        byte e = in[i + 1];
        i += 2;
        switch (e) {
          case 'b' -> chars[n++] = '\b';
          case 'f' -> chars[n++] = '\f';
          case 'n' -> chars[n++] = '\n';
          case 'r' -> chars[n++] = '\r';
          case 't' -> chars[n++] = '\t';
          case 'u' -> {
            chars[n++] =
                (char)
                    (hex(in[i]) << 12 | hex(in[i + 1]) << 8 | hex(in[i + 2]) << 4 | hex(in[i + 3]));
            i += 4;
          }
          default -> chars[n++] = (char) e; // " \ /
        }
      } else if (b < 0x80) {
        chars[n++] = (char) b;
        i++;
      } else if (b < 0xE0) {
        chars[n++] = (char) ((b & 0x1F) << 6 | (in[i + 1] & 0x3F));
        i += 2;
      } else if (b < 0xF0) {
        chars[n++] = (char) ((b & 0x0F) << 12 | (in[i + 1] & 0x3F) << 6 | (in[i + 2] & 0x3F));
        i += 3;
      } else {
        int codePoint =
            (b & 0x07) << 18
                | (in[i + 1] & 0x3F) << 12
                | (in[i + 2] & 0x3F) << 6
                | (in[i + 3] & 0x3F);
        chars[n++] = Character.highSurrogate(codePoint);
        chars[n++] = Character.lowSurrogate(codePoint);
        i += 4;
      }
    }
    return new String(chars, 0, n);
  }

  private JsonException error(String problem) {
    return exception(problem, false);
  }

  private JsonException limit(String problem) {
    return exception(problem, true);
  }

  private JsonException exception(String problem, boolean limitExceeded) {
    int line = 1;
    int lineStart = 0;
    int stop = Math.min(pos, end);
    for (int i = 0; i < stop; i++) {
      if (in[i] == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new JsonException(problem, line, stop - lineStart + 1, limitExceeded);
  }
}
