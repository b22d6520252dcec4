package dev.portcullis.adapters.lambda;

import dev.portcullis.json.JsonException;
import dev.portcullis.json.JsonReader;
import dev.portcullis.json.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;

/**
 * Reads an authorizer event in one pass of the pull reader, keeping only what Portcullis needs: no
 * tree, no data binding. Values of headers, cookies and parameters that no token source names are
 * skipped without being turned into strings.
 */
final class EventReader {

  /** Largest event read; API Gateway's own events are far smaller. */
  static final int MAX_EVENT_BYTES = 256 * 1024;

  /** Deepest nesting read; API Gateway's events nest five levels deep. */
  static final int MAX_DEPTH = 32;

  /** The bit of {@link #wanted} for the {@code Cookie} header: above any token source's. */
  private static final long COOKIE_HEADER = 1L << 63;

  /** The top-level fields read; the index of each is also its bit in {@link #seen}. */
  private static final String[] FIELDS = {
    "type",
    "version",
    "methodArn",
    "routeArn",
    "routeKey",
    "authorizationToken",
    "headers",
    "multiValueHeaders",
    "queryStringParameters",
    "multiValueQueryStringParameters",
    "cookies",
    "requestContext"
  };

  private final JsonReader parser;
  private final List<TokenSource> sources;
  private final boolean wantsCookies;
  private final AuthorizerEvent event;
  // One bit per top-level field read: a field given twice makes the event unusable.
  private int seen;

  private EventReader(JsonReader parser, List<TokenSource> sources) {
    this.parser = parser;
    this.sources = sources;
    this.event = new AuthorizerEvent(sources.size());
    boolean cookies = false;
    for (TokenSource source : sources) {
      cookies |= source instanceof TokenSource.Cookie;
    }
    this.wantsCookies = cookies;
  }

  /**
   * Reads one event.
   *
   * @throws AuthorizerFailureException for an event that is missing, empty, too large, not a JSON
   *     object, or holds a field of the wrong type; the message never quotes the event
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
          throw AuthorizerFailureException.invalidEvent(tooLarge());
        }
        buffer = Arrays.copyOf(buffer, Math.min(MAX_EVENT_BYTES + 1, length * 2));
      }
    }
    try {
      return new EventReader(JsonReader.of(buffer, length, MAX_DEPTH), sources).readRoot();
    } catch (JsonException e) {
      // The reader's messages never quote the event; they are still not passed on.
      throw AuthorizerFailureException.invalidEvent(
          e.limitExceeded()
              ? "the event nests deeper than " + MAX_DEPTH + " levels or holds an overlong number"
              : "the event is not valid JSON");
    }
  }

  private static String tooLarge() {
    return "the event is larger than " + MAX_EVENT_BYTES + " bytes";
  }

  private AuthorizerEvent readRoot() throws JsonException {
    JsonToken token = parser.nextToken();
    if (token == null) {
      throw AuthorizerFailureException.invalidEvent("the event is empty");
    }
    if (token != JsonToken.START_OBJECT) {
      throw AuthorizerFailureException.invalidEvent("the event is not a JSON object");
    }
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      int field = topLevelField();
      readTopLevel(field, parser.nextToken());
    }
    if (parser.nextToken() != null) {
      throw AuthorizerFailureException.invalidEvent("the event has content after its JSON object");
    }
    return event;
  }

  /** The index in {@link #FIELDS} of the current field's name, or -1: names are not built. */
  private int topLevelField() {
    for (int i = 0; i < FIELDS.length; i++) {
      if (parser.currentNameEquals(FIELDS[i])) {
        return i;
      }
    }
    return -1;
  }

  private void readTopLevel(int field, JsonToken value) throws JsonException {
    String name = field < 0 ? null : FIELDS[field];
    switch (field) {
      case 0 -> event.type = string(once(field, name), value);
      case 1 -> event.version = string(once(field, name), value);
      case 2 -> event.methodArn = string(once(field, name), value);
      case 3 -> event.routeArn = string(once(field, name), value);
      case 4 -> event.routeKey = string(once(field, name), value);
      case 5 -> event.authorizationToken = string(once(field, name), value);
      case 6 -> readMap(once(field, name), value, true, false);
      case 7 -> readMap(once(field, name), value, true, true);
      case 8 -> readMap(once(field, name), value, false, false);
      case 9 -> readMap(once(field, name), value, false, true);
      case 10 -> readCookieList(once(field, name), value);
      case 11 -> readRequestContext(once(field, name), value);
      default -> parser.skipChildren();
    }
  }

  private String once(int bit, String field) {
    if ((seen & (1 << bit)) != 0) {
      throw AuthorizerFailureException.invalidEvent("the field '" + field + "' appears twice");
    }
    seen |= 1 << bit;
    return field;
  }

  private String string(String field, JsonToken value) throws JsonException {
    if (value == JsonToken.VALUE_STRING) {
      return parser.getText();
    }
    if (value == JsonToken.VALUE_NULL) {
      return null;
    }
    throw AuthorizerFailureException.invalidEvent("the field '" + field + "' is not a string");
  }

  /** Reads headers or query parameters: name to value, or name to a list of values. */
  private void readMap(String field, JsonToken token, boolean headers, boolean multiValue)
      throws JsonException {
    if (token == JsonToken.VALUE_NULL) {
      return;
    }
    if (token != JsonToken.START_OBJECT) {
      throw AuthorizerFailureException.invalidEvent("the field '" + field + "' is not an object");
    }
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      long wanted = wanted(headers);
      JsonToken value = parser.nextToken();
      if (!multiValue) {
        mapValue(field, wanted, value);
      } else if (value == JsonToken.START_ARRAY) {
        while ((value = parser.nextToken()) != JsonToken.END_ARRAY) {
          mapValue(field, wanted, value);
        }
      } else if (value != JsonToken.VALUE_NULL) {
        throw AuthorizerFailureException.invalidEvent(
            "the field '" + field + "' holds a value that is not a list");
      }
    }
  }

  /**
   * Which token sources name the current header or parameter (bit i for source i; {@link
   * #COOKIE_HEADER} for the {@code Cookie} header when cookies are wanted). Names are compared
   * where they lie in the event, without being built: most names are wanted by nobody.
   */
  private long wanted(boolean headers) {
    long wanted = 0;
    for (int i = 0; i < sources.size(); i++) {
      TokenSource source = sources.get(i);
      boolean match =
          headers
              ? source instanceof TokenSource.Header
                  && parser.currentNameEqualsIgnoreAsciiCase(source.name())
              : source instanceof TokenSource.Query && parser.currentNameEquals(source.name());
      if (match) {
        wanted |= 1L << i;
      }
    }
    if (headers && wantsCookies && parser.currentNameEqualsIgnoreAsciiCase("Cookie")) {
      wanted |= COOKIE_HEADER;
    }
    return wanted;
  }

  private void mapValue(String field, long wanted, JsonToken value) throws JsonException {
    if (value != JsonToken.VALUE_STRING && value != JsonToken.VALUE_NULL) {
      throw AuthorizerFailureException.invalidEvent(
          "the field '" + field + "' holds a value that is not a string");
    }
    if (wanted == 0) {
      return;
    }
    // A null value of a wanted name counts as present and empty: it decides, and is refused.
    String text = textOrEmpty(value);
    for (int i = 0; i < sources.size(); i++) {
      if ((wanted & (1L << i)) != 0) {
        event.offer(i, text);
      }
    }
    if ((wanted & COOKIE_HEADER) != 0) {
      event.cookieStrings.add(text);
    }
  }

  private String textOrEmpty(JsonToken value) throws JsonException {
    return value == JsonToken.VALUE_STRING ? parser.getText() : "";
  }

  /** Reads the HTTP API 2.0 {@code cookies} list. */
  private void readCookieList(String field, JsonToken token) throws JsonException {
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
            "the field 'cookies' holds a value that is not a string");
      }
    }
  }

  /** Reads {@code requestContext.eventType} and {@code requestContext.routeKey}. */
  private void readRequestContext(String field, JsonToken token) throws JsonException {
    if (token == JsonToken.VALUE_NULL) {
      return;
    }
    if (token != JsonToken.START_OBJECT) {
      throw AuthorizerFailureException.invalidEvent("the field '" + field + "' is not an object");
    }
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      boolean eventType = parser.currentNameEquals("eventType");
      boolean routeKey = !eventType && parser.currentNameEquals("routeKey");
      JsonToken value = parser.nextToken();
      if (eventType) {
        event.contextEventType = string("requestContext.eventType", value);
      } else if (routeKey) {
        event.contextRouteKey = string("requestContext.routeKey", value);
      } else {
        parser.skipChildren();
      }
    }
  }
}
