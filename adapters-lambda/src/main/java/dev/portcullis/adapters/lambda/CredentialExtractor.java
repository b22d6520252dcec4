package dev.portcullis.adapters.lambda;

import dev.portcullis.domain.text.Ascii;
import java.util.List;
import java.util.Optional;

/**
 * Finds the credential in an event: {@code authorizationToken} for TOKEN events, else the first
 * configured token source that is present. Any doubt (two values, a malformed scheme) refuses the
 * caller rather than guess.
 */
final class CredentialExtractor {

  static final String AMBIGUOUS = "ambiguous_credential";
  static final String MALFORMED_SCHEME = "malformed_authorization_scheme";

  private static final String BEARER = "Bearer";

  private CredentialExtractor() {}

  /**
   * The credential presented, or empty when the event carries none.
   *
   * @throws UnauthorizedException when the credential is ambiguous or its scheme is malformed
   */
  static Optional<String> extract(
      AuthorizerEvent event, EventKind kind, List<TokenSource> sources) {
    if (kind == EventKind.REST_TOKEN) {
      String token = event.authorizationToken;
      return token == null ? Optional.empty() : Optional.of(fromHeaderValue(token));
    }
    for (int i = 0; i < sources.size(); i++) {
      TokenSource source = sources.get(i);
      if (source.kind() == TokenSource.Kind.COOKIE) {
        for (String cookieString : event.cookieStrings) {
          offerCookies(event, i, source.name(), cookieString);
        }
      }
      byte state = event.state(i);
      if (state == AuthorizerEvent.ABSENT) {
        continue;
      }
      if (state == AuthorizerEvent.CONFLICTING) {
        throw new UnauthorizedException(AMBIGUOUS);
      }
      String value = event.value(i);
      if (value.indexOf(',') >= 0) {
        // API Gateway joins repeated headers and parameters with commas; RFC 6265 cookie values
        // and every token Portcullis accepts have none.
        throw new UnauthorizedException(AMBIGUOUS);
      }
      return Optional.of(source.kind() == TokenSource.Kind.HEADER ? fromHeaderValue(value) : value);
    }
    return Optional.empty();
  }

  /**
   * Applies the Bearer rule to a header value. A value without blanks is a raw token; otherwise it
   * must be {@code Bearer} (any case), exactly one space, and a token without blanks. A comma is
   * refused: HTTP APIs join repeated headers with commas, and no token Portcullis accepts has one.
   */
  static String fromHeaderValue(String value) {
    if (value.indexOf(',') >= 0) {
      throw new UnauthorizedException(AMBIGUOUS);
    }
    int blank = firstBlank(value, 0);
    if (blank < 0) {
      if (Ascii.equalsIgnoreCase(BEARER, value)) {
        throw new UnauthorizedException(MALFORMED_SCHEME);
      }
      return value;
    }
    if (blank != BEARER.length()
        || value.charAt(blank) != ' '
        || !Ascii.regionMatchesIgnoreCase(value, 0, BEARER)
        || blank + 1 == value.length()
        || firstBlank(value, blank + 1) >= 0) {
      throw new UnauthorizedException(MALFORMED_SCHEME);
    }
    return value.substring(blank + 1);
  }

  // Space, tab and every other control character count as blanks.
  private static int firstBlank(String value, int from) {
    for (int i = from; i < value.length(); i++) {
      if (value.charAt(i) <= ' ') {
        return i;
      }
    }
    return -1;
  }

  /**
   * Offers every value of the cookie {@code name} in one {@code Cookie} header or {@code cookies}
   * item. Pairs are separated by {@code ;}; blanks around pairs, names and values are dropped; a
   * pair without {@code =} or without a name is malformed and skipped. Names match exactly; values
   * are taken as they are, quotes included. Hand-written: small, on the hot path, and no regex.
   */
  static void offerCookies(AuthorizerEvent event, int index, String name, String header) {
    int start = 0;
    int length = header.length();
    while (start <= length) {
      int end = header.indexOf(';', start);
      if (end < 0) {
        end = length;
      }
      int from = skipBlanks(header, start, end);
      int equals = header.indexOf('=', from);
      if (equals > from && equals < end) {
        int nameEnd = trimBlanksBack(header, from, equals);
        if (nameEnd - from == name.length() && header.startsWith(name, from)) {
          int valueStart = skipBlanks(header, equals + 1, end);
          event.offer(index, header.substring(valueStart, trimBlanksBack(header, valueStart, end)));
        }
      }
      start = end + 1;
    }
  }

  private static int skipBlanks(String text, int from, int to) {
    while (from < to && isBlank(text.charAt(from))) {
      from++;
    }
    return from;
  }

  private static int trimBlanksBack(String text, int from, int to) {
    while (to > from && isBlank(text.charAt(to - 1))) {
      to--;
    }
    return to;
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t';
  }
}
