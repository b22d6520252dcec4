package dev.portcullis.gateway;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The request headers that carry the authorizer's answer to an upstream: {@code
 * X-Portcullis-Principal-Id} and one {@code X-Portcullis-Context-KEY} per context value. Clients
 * can never set them: every client header starting with {@code X-Portcullis-} is dropped first.
 */
public final class ContextHeaders {

  /** Every header with this prefix (any case) is the gateway's own. */
  public static final String PREFIX = "X-Portcullis-";

  public static final String PRINCIPAL_ID = PREFIX + "Principal-Id";

  public static final String CONTEXT_PREFIX = PREFIX + "Context-";

  private ContextHeaders() {}

  /** True for a header a client must not send on: the gateway's own prefix, in any case. */
  public static boolean isReserved(String name) {
    return name.toLowerCase(Locale.ROOT).startsWith(PREFIX.toLowerCase(Locale.ROOT));
  }

  /**
   * The headers for {@code call}. A context key that cannot be part of a header name (it holds
   * {@code :} or another character outside RFC 9110's token) is left out; a value with anything but
   * visible ASCII and spaces is percent-encoded as UTF-8.
   */
  public static Map<String, String> of(AuthorizedCall call) {
    Map<String, String> headers = new LinkedHashMap<>();
    call.principalId().ifPresent(p -> headers.put(PRINCIPAL_ID, headerValue(p)));
    call.response()
        .context()
        .forEach(
            (key, value) -> {
              if (HttpToken.isToken(key)) {
                headers.put(CONTEXT_PREFIX + key, headerValue(Json.stringify(value)));
              }
            });
    return headers;
  }

  static String headerValue(String text) {
    boolean plain = true;
    for (int i = 0; i < text.length() && plain; i++) {
      char c = text.charAt(i);
      plain = c >= 0x20 && c < 0x7F && c != '%';
    }
    if (plain && (text.isEmpty() || (text.charAt(0) != ' ' && !text.endsWith(" ")))) {
      return text;
    }
    StringBuilder encoded = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      if (c > 0x20 && c < 0x7F && c != '%') {
        encoded.append((char) c);
      } else {
        encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        encoded.append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
      }
    }
    return encoded.toString();
  }
}
