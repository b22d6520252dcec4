package dev.portcullis.gateway;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request's query string, decoded into parameters in the order they came. Hand-written rather
 * than {@link java.net.URLDecoder}, which throws on a stray {@code %}: a malformed escape is kept
 * as it is, as a gateway must not fail on what a client typed.
 */
public record QueryString(String raw, Map<String, List<String>> parameters) {

  public QueryString {
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
  }

  /** Parses {@code raw} (without the {@code ?}); null or empty gives no parameters. */
  public static QueryString parse(String raw) {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    String text = raw == null ? "" : raw;
    for (String pair : text.split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
      if (!name.isEmpty()) {
        parameters.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
      }
    }
    parameters.replaceAll((k, v) -> List.copyOf(v));
    return new QueryString(text, parameters);
  }

  public boolean isEmpty() {
    return parameters.isEmpty();
  }

  /** The last value of {@code name}, as REST APIs put it in {@code queryStringParameters}. */
  public String last(String name) {
    List<String> values = parameters.get(name);
    return values == null ? null : values.get(values.size() - 1);
  }

  /** Every value of {@code name} joined with commas, as HTTP API payload 2.0 does. */
  public String joined(String name) {
    List<String> values = parameters.get(name);
    return values == null ? null : String.join(",", values);
  }

  /** Percent-decodes UTF-8 and turns {@code +} into a space; a malformed escape stays as it is. */
  static String decode(String text) {
    if (text.indexOf('%') < 0 && text.indexOf('+') < 0) {
      return text;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '+') {
        bytes.write(' ');
      } else if (c == '%' && hex(text, i + 1) >= 0) {
        bytes.write(hex(text, i + 1));
        i += 2;
      } else {
        int codePoint = text.codePointAt(i);
        byte[] encoded = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
        bytes.write(encoded, 0, encoded.length);
        i += Character.charCount(codePoint) - 1;
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static int hex(String text, int at) {
    if (at + 1 >= text.length()) {
      return -1;
    }
    int high = Character.digit(text.charAt(at), 16);
    int low = Character.digit(text.charAt(at + 1), 16);
    return high < 0 || low < 0 ? -1 : high * 16 + low;
  }
}
