package dev.portcullis.adapters.lambda;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.portcullis.domain.text.Ascii;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Reads an authorizer event in one pass of Jackson's streaming parser, keeping only what Portcullis
 * needs: no tree, no data binding. Values of headers, cookies and parameters that no token source
 * names are skipped without being turned into strings.
 */
final class EventReader {

  /** Largest event read; API Gateway's own events are far smaller. */
  static final int MAX_EVENT_BYTES = 256 * 1024;

  /** Deepest nesting read; API Gateway's events nest five levels deep. */
  static final int MAX_DEPTH = 32;

  /** The bit of a header's wanted mask for the {@code Cookie} header: above any token source's. */
  private static final long COOKIE_HEADER = 1L << 63;

  private final JsonParser parser;
  private final List<TokenSource> sources;
  private final boolean wantsCookies;
  private final AuthorizerEvent event;

  private EventReader(JsonParser parser, List<TokenSource> sources) {
    this.parser = parser;
    this.sources = sources;
    this.event = new AuthorizerEvent(sources.size());
    boolean cookies = false;
    for (TokenSource source : sources) {
      cookies |= source.kind() == TokenSource.Kind.COOKIE;
    }
    this.wantsCookies = cookies;
  }

  /**
   * Reads one event.
   *
   * @throws AuthorizerFailureException for an event that is missing, empty, too large, not UTF-8,
   *     not strict JSON, not a JSON object, or holds a field of the wrong type; the message never
   *     quotes the event
   * @throws IOException only when the stream itself fails
   */
  static AuthorizerEvent read(InputStream in, List<TokenSource> sources) throws IOException {
    if (in == null) {
      throw AuthorizerFailureException.invalidEvent("no event was given");
    }
    byte[] buffer = new byte[Math.min(MAX_EVENT_BYTES + 1, Math.max(in.available() + 1, 2048))];
    int length = 0;
    int read;
    while ((read = in.read(buffer, length, buffer.length - length)) >= 0) {
      length += read;
      if (length == buffer.length) {
        if (length > MAX_EVENT_BYTES) {
          // One byte past the limit tells "larger" from "exactly at the limit"; no more is read.
          throw AuthorizerFailureException.invalidEvent(
              "the event is larger than " + MAX_EVENT_BYTES + " bytes");
        }
        buffer = Arrays.copyOf(buffer, Math.min(MAX_EVENT_BYTES + 1, length * 2));
      }
    }
    if (!isStrictUtf8(buffer, length)) {
      throw AuthorizerFailureException.invalidEvent("the event is not valid UTF-8");
    }
    try (JsonParser parser = LambdaJson.FACTORY.createParser(buffer, 0, length)) {
      return new EventReader(parser, sources).readRoot();
    } catch (StreamConstraintsException e) {
      throw AuthorizerFailureException.invalidEvent(
          "the event nests deeper than " + MAX_DEPTH + " levels or holds an overlong value");
    } catch (JsonProcessingException e) {
      // Jackson's message may quote the event, credential included: it is never passed on.
      throw AuthorizerFailureException.invalidEvent(
          "the event is not valid JSON or names a field twice in one object");
    }
  }

  /**
   * Whether the event is UTF-8, as RFC 8259 requires, checked before Jackson 2.x parses it: its
   * UTF-8 parser reads overlong forms (C0 AF as '/') and sequences above U+10FFFF as characters and
   * lets encoded surrogates through in values it skips, and it reads a text whose first four bytes
   * hold a zero as UTF-16 or UTF-32 (RFC 4627, section 3). A JSON text in UTF-8 holds no zero byte,
   * and the JDK's decoder refuses every ill-formed sequence of RFC 3629; only its verdict is kept,
   * so it decodes piece by piece into one small scratch buffer.
   */
  private static boolean isStrictUtf8(byte[] bytes, int length) {
    for (int i = 0; i < Math.min(4, length); i++) {
      if (bytes[i] == 0) {
        return false;
      }
    }
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
    ByteBuffer in = ByteBuffer.wrap(bytes, 0, length);
    CharBuffer scratch = CharBuffer.allocate(256);
    CoderResult result;
    do {
      scratch.clear();
      result = decoder.decode(in, scratch, true);
    } while (result.isOverflow());
    return result.isUnderflow();
  }

  private AuthorizerEvent readRoot() throws IOException {
    JsonToken token = parser.nextToken();
    if (token == null) {
      throw AuthorizerFailureException.invalidEvent("the event is empty");
    }
    if (token != JsonToken.START_OBJECT) {
      throw AuthorizerFailureException.invalidEvent("the event is not a JSON object");
    }
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      readTopLevel(name, parser.nextToken());
    }
    if (parser.nextToken() != null) {
      throw AuthorizerFailureException.invalidEvent("the event has content after its JSON object");
    }
    return event;
  }

  private void readTopLevel(String name, JsonToken value) throws IOException {
    switch (name) {
      case "type" -> event.type = string(name, value);
      case "version" -> event.version = string(name, value);
      case "methodArn" -> event.methodArn = string(name, value);
      case "routeArn" -> event.routeArn = string(name, value);
      case "authorizationToken" -> event.authorizationToken = string(name, value);
      case "headers" -> readMap(name, value, true, false);
      case "multiValueHeaders" -> readMap(name, value, true, true);
      case "queryStringParameters" -> readMap(name, value, false, false);
      case "multiValueQueryStringParameters" -> readMap(name, value, false, true);
      case "cookies" -> readCookieList(name, value);
      case "requestContext" -> readRequestContext(name, value);
      default -> parser.skipChildren();
    }
  }

  private String string(String field, JsonToken value) throws IOException {
    if (value == JsonToken.VALUE_STRING) {
      return parser.getText();
    }
    if (value == JsonToken.VALUE_NULL) {
      return null;
    }
    throw AuthorizerFailureException.invalidEvent("the field '" + field + "' is not a string");
  }

  /**
   * Reads headers or query parameters: name to value, or name to a list of values. A wanted name
   * given {@code null}, or an empty list, counts as present with an empty value: a present source
   * decides, so it is refused rather than passed over for a later source.
   */
  private void readMap(String field, JsonToken token, boolean headers, boolean multiValue)
      throws IOException {
    if (token == JsonToken.VALUE_NULL) {
      return;
    }
    if (token != JsonToken.START_OBJECT) {
      throw AuthorizerFailureException.invalidEvent("the field '" + field + "' is not an object");
    }
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      long wanted = wanted(headers, parser.currentName());
      JsonToken value = parser.nextToken();
      if (!multiValue || value == JsonToken.VALUE_NULL) {
        mapValue(field, wanted, value);
      } else if (value == JsonToken.START_ARRAY) {
        boolean empty = true;
        while ((value = parser.nextToken()) != JsonToken.END_ARRAY) {
          mapValue(field, wanted, value);
          empty = false;
        }
        if (empty) {
          offer(wanted, "");
        }
      } else {
        throw AuthorizerFailureException.invalidEvent(
            "the field '" + field + "' holds a value that is not a list");
      }
    }
  }

  /**
   * Which token sources name this header or parameter: bit i for source i, and {@link
   * #COOKIE_HEADER} for the {@code Cookie} header when cookies are wanted. Header names are
   * compared ignoring ASCII case only.
   */
  private long wanted(boolean headers, String name) {
    long wanted = 0;
    for (int i = 0; i < sources.size(); i++) {
      TokenSource source = sources.get(i);
      boolean match =
          headers
              ? source.kind() == TokenSource.Kind.HEADER
                  && Ascii.equalsIgnoreCase(source.name(), name)
              : source.kind() == TokenSource.Kind.QUERY && source.name().equals(name);
      if (match) {
        wanted |= 1L << i;
      }
    }
    if (headers && wantsCookies && Ascii.equalsIgnoreCase("Cookie", name)) {
      wanted |= COOKIE_HEADER;
    }
    return wanted;
  }

  private void mapValue(String field, long wanted, JsonToken value) throws IOException {
    if (value != JsonToken.VALUE_STRING && value != JsonToken.VALUE_NULL) {
      throw AuthorizerFailureException.invalidEvent(
          "the field '" + field + "' holds a value that is not a string");
    }
    if (wanted == 0) {
      return;
    }
    // A null value of a wanted name counts as present and empty: it decides, and is refused.
    offer(wanted, value == JsonToken.VALUE_STRING ? parser.getText() : "");
  }

  /** Offers a value of a wanted header or parameter to each source that names it. */
  private void offer(long wanted, String text) {
    if (wanted == 0) {
      return;
    }
    for (int i = 0; i < sources.size(); i++) {
      if ((wanted & (1L << i)) != 0) {
        event.offer(i, text);
      }
    }
    if ((wanted & COOKIE_HEADER) != 0) {
      event.cookieStrings.add(text);
    }
  }

  /** Reads the HTTP API 2.0 {@code cookies} list. */
  private void readCookieList(String field, JsonToken token) throws IOException {
    if (token == JsonToken.VALUE_NULL) {
      return;
    }
    if (token != JsonToken.START_ARRAY) {
      throw AuthorizerFailureException.invalidEvent("the field '" + field + "' is not a list");
    }
    JsonToken value;
    while ((value = parser.nextToken()) != JsonToken.END_ARRAY) {
      if (value == JsonToken.VALUE_STRING) {
        if (wantsCookies) {
          event.cookieStrings.add(parser.getText());
        }
      } else if (value != JsonToken.VALUE_NULL) {
        throw AuthorizerFailureException.invalidEvent(
            "the field '" + field + "' holds a value that is not a string");
      }
    }
  }

  /** Reads {@code requestContext.eventType} and {@code requestContext.routeKey}. */
  private void readRequestContext(String field, JsonToken token) throws IOException {
    if (token == JsonToken.VALUE_NULL) {
      return;
    }
    if (token != JsonToken.START_OBJECT) {
      throw AuthorizerFailureException.invalidEvent("the field '" + field + "' is not an object");
    }
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      switch (name) {
        case "eventType" -> event.contextEventType = string("requestContext.eventType", value);
        case "routeKey" -> event.contextRouteKey = string("requestContext.routeKey", value);
        default -> parser.skipChildren();
      }
    }
  }
}
