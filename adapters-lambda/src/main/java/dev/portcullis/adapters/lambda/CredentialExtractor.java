package dev.portcullis.adapters.lambda;

import dev.portcullis.domain.text.Ascii;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the credential in an event: {@code authorizationToken} for TOKEN events, else the first
 * configured token source that is present. Any doubt (two values, a malformed scheme) refuses the
 * caller rather than guess.
 */
final class CredentialExtractor {

  static final String AMBIGUOUS = "ambiguous_credential";
  static final String MALFORMED_SCHEME = "malformed_authorization_scheme";

  private static final String BEARER = "Bearer";

  /** Space, tab and every other control character count as blanks in a header value. */
  private static final Pattern BLANK = Pattern.compile("[\\x00-\\x20]");

  /** {@code Bearer} in any ASCII case, exactly one space, then a credential without blanks. */
  private static final Pattern BEARER_CREDENTIAL =
      Pattern.compile("(?i:" + BEARER + ") ([^\\x00-\\x20]+)");

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
    if (!BLANK.matcher(value).find()) {
      if (Ascii.equalsIgnoreCase(BEARER, value)) {
        throw new UnauthorizedException(MALFORMED_SCHEME);
      }
      return value;
    }
    Matcher bearer = BEARER_CREDENTIAL.matcher(value);
    if (!bearer.matches()) {
      throw new UnauthorizedException(MALFORMED_SCHEME);
    }
    return bearer.group(1);
  }

  /**
   * Offers every value of the cookie {@code name} in one {@code Cookie} header or {@code cookies}
   * item. Pairs are separated by {@code ;}; blanks around pairs, names and values are dropped; a
   * pair without {@code =} or without a name is malformed and skipped. Names match exactly; values
   * are taken as they are, quotes included.
   */
  static void offerCookies(AuthorizerEvent event, int index, String name, String header) {
    for (String pair : header.split(";", -1)) {
      int equals = pair.indexOf('=');
      if (equals >= 0 && withoutBlanks(pair.substring(0, equals)).equals(name)) {
        event.offer(index, withoutBlanks(pair.substring(equals + 1)));
      }
    }
  }

  /** The text without the spaces and tabs around it, the blanks a Cookie header may hold. */
  private static String withoutBlanks(String text) {
    int from = 0;
    int to = text.length();
    while (from < to && isBlank(text.charAt(from))) {
      from++;
    }
    while (to > from && isBlank(text.charAt(to - 1))) {
      to--;
    }
    return text.substring(from, to);
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t';
  }
}
