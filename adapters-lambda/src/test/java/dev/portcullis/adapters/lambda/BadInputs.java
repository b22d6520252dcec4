package dev.portcullis.adapters.lambda;

import static dev.portcullis.adapters.lambda.Demo.ADMIN_TOKEN;
import static dev.portcullis.adapters.lambda.Demo.GET_ORDERS;
import static dev.portcullis.adapters.lambda.Demo.READER_TOKEN;
import static dev.portcullis.adapters.lambda.Demo.multi;
import static dev.portcullis.adapters.lambda.Demo.object;
import static dev.portcullis.adapters.lambda.Demo.q;
import static dev.portcullis.adapters.lambda.Demo.requestEvent;
import static dev.portcullis.adapters.lambda.Demo.tokenEvent;
import static dev.portcullis.adapters.lambda.Demo.v2Event;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Malformed and hostile events. Most carry the admin token, so that a mistake would show as an
 * Allow. Every one must end in Unauthorized, or in an invalid-event failure when the event itself
 * is unusable, and none may write a byte.
 */
final class BadInputs {

  /** How a bad input must end. */
  enum Ending {
    UNAUTHORIZED,
    INVALID_EVENT
  }

  /**
   * One bad input: what it is, how it must end, the token sources it runs with (null for the
   * examples' sources), and a fresh stream of its bytes.
   */
  record Case(String name, Ending ending, String sources, Supplier<InputStream> event) {
    @Override
    public String toString() {
      return sources == null ? name : name + " [" + sources + "]";
    }

    AdapterSettings settings() {
      return new AdapterSettings(
          sources == null ? Demo.EXAMPLE_SOURCES : TokenSource.parseList(sources),
          HttpResponseMode.IAM);
    }
  }

  /** The admin token with a Cyrillic 'а' (U+0430) in place of the Latin 'a' of "admin". */
  static final String HOMOGLYPH_TOKEN = ADMIN_TOKEN.replace("admin", "\u0430dmin");

  /** The admin token with a zero-width space (U+200B) inside. */
  static final String ZERO_WIDTH_TOKEN = ADMIN_TOKEN.replace("admin_", "admin\u200B_");

  static final String LONG_TOKEN = "pcs_long_" + "0123456789abcdef".repeat(640);
  static final String JNDI = "${jndi:ldap://x/a}";
  static final String SQL = "' OR 1=1--";
  static final String JSON_FRAGMENT = "\"},\"principalId\":\"admin";

  /** Every secret-looking value the cases send: none may appear in any output. */
  static final List<String> SECRETS =
      List.of(
          ADMIN_TOKEN,
          READER_TOKEN,
          Demo.EXPIRED_TOKEN,
          HOMOGLYPH_TOKEN,
          ZERO_WIDTH_TOKEN,
          LONG_TOKEN.substring(0, 64),
          JNDI,
          SQL,
          JSON_FRAGMENT);

  private BadInputs() {}

  static List<Case> all() {
    List<Case> cases = new ArrayList<>();
    // The event is not an event.
    invalid(cases, "a null stream", (String) null);
    invalid(cases, "an empty event", "");
    invalid(cases, "an event of blanks only", "  \n\t ");
    invalid(cases, "an event that is not JSON", "type=TOKEN&authorizationToken=" + ADMIN_TOKEN);
    invalid(
        cases, "an unquoted token", "{\"type\":\"TOKEN\",\"authorizationToken\":" + ADMIN_TOKEN);
    invalid(cases, "the JSON literal null", "null");
    invalid(cases, "a JSON array holding a good event", "[" + tokenEvent(ADMIN_TOKEN) + "]");
    invalid(cases, "a JSON string", q(tokenEvent(ADMIN_TOKEN)));
    invalid(cases, "a JSON number", "42");
    invalid(cases, "a truncated event", tokenEvent(ADMIN_TOKEN).substring(0, 60));
    invalid(cases, "content after the event", tokenEvent(ADMIN_TOKEN) + tokenEvent(ADMIN_TOKEN));
    invalid(
        cases,
        "bytes that are not UTF-8",
        concat(tokenEvent("x").substring(0, 30), new byte[] {(byte) 0xC3, (byte) 0x28}));
    // Ill-formed UTF-8 that a lenient decoder would read as text.
    invalid(
        cases,
        "an overlong encoding of a letter of the token",
        bytesFor(tokenEvent(ADMIN_TOKEN), "admin", 0xC1, 0xA1, 'd', 'm', 'i', 'n'));
    invalid(
        cases,
        "an overlong encoding of a slash in the methodArn",
        bytesFor(tokenEvent(ADMIN_TOKEN), "/GET", 0xC0, 0xAF, 'G', 'E', 'T'));
    invalid(
        cases,
        "a three-byte overlong encoding in the token",
        bytesFor(tokenEvent(ADMIN_TOKEN), "admin", 0xE0, 0x81, 0xA1, 'd', 'm', 'i', 'n'));
    invalid(
        cases,
        "a sequence above U+10FFFF in the token",
        bytesFor(tokenEvent(ADMIN_TOKEN), "admin", 0xF4, 0x90, 0x80, 0x80));
    invalid(
        cases,
        "an encoded surrogate in a field that is skipped",
        bytesFor(tokenEvent(ADMIN_TOKEN).replace("{", "{\"note\":\"x\","), "x", 0xED, 0xA0, 0x80));
    for (String charset : List.of("UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE")) {
      invalid(
          cases,
          "a good event encoded in " + charset,
          tokenEvent(ADMIN_TOKEN).getBytes(Charset.forName(charset)));
    }
    // Names given twice.
    invalid(
        cases,
        "a header named twice with the same value",
        requestEvent(
            object(
                "headers",
                "Authorization",
                "Bearer " + ADMIN_TOKEN,
                "Authorization",
                "Bearer " + ADMIN_TOKEN)));
    invalid(
        cases,
        "the requestContext given twice",
        requestEvent(bearerHeader(ADMIN_TOKEN) + ",\"requestContext\":{},\"requestContext\":{}"));
    // The type.
    invalid(
        cases,
        "a missing type",
        "{\"authorizationToken\":" + q(ADMIN_TOKEN) + ",\"methodArn\":" + q(GET_ORDERS) + "}");
    invalid(cases, "an unknown type", tokenEvent(ADMIN_TOKEN).replace("TOKEN\"", "COOKIE\""));
    invalid(cases, "a lower-case type", tokenEvent(ADMIN_TOKEN).replace("TOKEN\"", "token\""));
    invalid(cases, "a type that is a number", tokenEvent(ADMIN_TOKEN).replace("\"TOKEN\"", "1"));
    invalid(
        cases,
        "the type given twice",
        "{\"type\":\"REQUEST\"," + tokenEvent(ADMIN_TOKEN).substring(1));
    invalid(
        cases,
        "an unknown payload version",
        v2Event(bearerHeader(ADMIN_TOKEN)).replace("2.0", "3.0"));
    // The ARN.
    invalid(
        cases,
        "a missing methodArn",
        "{\"type\":\"TOKEN\",\"authorizationToken\":" + q(ADMIN_TOKEN) + "}");
    invalid(cases, "a methodArn that is not an ARN", tokenEvent(ADMIN_TOKEN, "not-an-arn"));
    invalid(
        cases,
        "a methodArn that is a number",
        "{\"type\":\"TOKEN\",\"authorizationToken\":" + q(ADMIN_TOKEN) + ",\"methodArn\":42}");
    invalid(
        cases,
        "the ARN of another service",
        tokenEvent(ADMIN_TOKEN, "arn:aws:lambda:us-east-1:123456789012:function:orders"));
    invalid(
        cases,
        "a wildcard stage, which would reach every stage",
        tokenEvent(
            ADMIN_TOKEN, "arn:aws:execute-api:us-east-1:123456789012:abcdef1234/*/GET/orders"));
    invalid(
        cases,
        "a wildcard API id, which would reach every API",
        tokenEvent(ADMIN_TOKEN, "arn:aws:execute-api:us-east-1:123456789012:*/prod/GET/orders"));
    invalid(
        cases,
        "a wildcard account, which would reach every account",
        tokenEvent(ADMIN_TOKEN, "arn:aws:execute-api:us-east-1:*:abcdef1234/prod/GET/orders"));
    invalid(
        cases,
        "a second methodArn naming another API",
        tokenEvent(ADMIN_TOKEN)
            .replace(
                "}",
                ",\"methodArn\":"
                    + q("arn:aws:execute-api:us-east-1:123456789012:zz99zz99zz/prod/GET/orders")
                    + "}"));
    invalid(cases, "a WebSocket route in a TOKEN event", tokenEvent(ADMIN_TOKEN, Demo.CONNECT));
    invalid(
        cases,
        "an HTTP API 2.0 event with a methodArn but no routeArn",
        "{\"version\":\"2.0\",\"type\":\"REQUEST\",\"methodArn\":"
            + q(GET_ORDERS)
            + ","
            + bearerHeader(ADMIN_TOKEN)
            + "}");
    // Fields of the wrong type, and hostile structure.
    invalid(
        cases,
        "headers as an array",
        requestEvent("\"headers\":[" + q("Bearer " + ADMIN_TOKEN) + "]"));
    invalid(
        cases,
        "a multi-value header that is not a list",
        requestEvent(object("multiValueHeaders", "Authorization", "Bearer " + ADMIN_TOKEN)));
    invalid(
        cases,
        "a header value that is an object",
        requestEvent("\"headers\":{\"Authorization\":{}}"));
    invalid(
        cases, "query parameters as a string", requestEvent("\"queryStringParameters\":\"a=b\""));
    invalid(
        cases, "cookies as an object", v2Event("\"cookies\":{\"session\":" + q(ADMIN_TOKEN) + "}"));
    invalid(
        cases,
        "a requestContext that is a list",
        requestEvent(bearerHeader(ADMIN_TOKEN) + ",\"requestContext\":[]"));
    invalid(
        cases,
        "JSON nested ten thousand levels deep",
        requestEvent(
            bearerHeader(ADMIN_TOKEN) + ",\"x\":" + "[".repeat(10_000) + "]".repeat(10_000)));
    cases.add(
        new Case(
            "an event of one megabyte",
            Ending.INVALID_EVENT,
            null,
            () -> new AuthorizerAdapterTest.CountingStream(tokenEvent(ADMIN_TOKEN), 1 << 20)));
    // The Bearer scheme.
    unauthorized(cases, "Bearer alone", tokenEvent("Bearer"));
    unauthorized(cases, "Bearer and a space", tokenEvent("Bearer "));
    unauthorized(cases, "a lower-case bearer alone", tokenEvent("bearer"));
    unauthorized(cases, "an upper-case BEARER and a space", tokenEvent("BEARER "));
    unauthorized(cases, "two spaces after Bearer", tokenEvent("Bearer  " + ADMIN_TOKEN));
    unauthorized(cases, "a tab after Bearer", tokenEvent("Bearer\t" + ADMIN_TOKEN));
    unauthorized(cases, "a space before Bearer", tokenEvent(" Bearer " + ADMIN_TOKEN));
    unauthorized(cases, "a space after the token", tokenEvent("Bearer " + ADMIN_TOKEN + " "));
    unauthorized(cases, "the Basic scheme", tokenEvent("Basic " + ADMIN_TOKEN));
    unauthorized(cases, "a scheme glued to the token", tokenEvent("Bearer" + ADMIN_TOKEN));
    unauthorized(
        cases,
        "two Bearer tokens joined by a comma",
        tokenEvent("Bearer " + ADMIN_TOKEN + ",Bearer " + READER_TOKEN));
    // The token's characters.
    unauthorized(cases, "CRLF inside the token", tokenEvent(ADMIN_TOKEN + "\r\nX-Role: admin"));
    unauthorized(cases, "NUL inside the token", tokenEvent(ADMIN_TOKEN + "\u0000"));
    unauthorized(cases, "a Cyrillic homoglyph in the token", tokenEvent(HOMOGLYPH_TOKEN));
    unauthorized(cases, "a zero-width space in the token", tokenEvent(ZERO_WIDTH_TOKEN));
    unauthorized(cases, "a ten-kilobyte token", tokenEvent(LONG_TOKEN));
    unauthorized(cases, "a JNDI lookup", tokenEvent(JNDI));
    unauthorized(cases, "an SQL injection", tokenEvent(SQL));
    unauthorized(cases, "a JSON fragment", tokenEvent(JSON_FRAGMENT));
    unauthorized(cases, "an empty token", tokenEvent(""));
    unauthorized(
        cases,
        "a TOKEN event without a token",
        "{\"type\":\"TOKEN\",\"methodArn\":" + q(GET_ORDERS) + "}");
    unauthorized(
        cases, "an unknown token", tokenEvent("pcs_not_a_session_000000000000000000000000000000"));
    unauthorized(cases, "an expired session", tokenEvent(Demo.EXPIRED_TOKEN));
    // Ambiguity and absence in REQUEST events.
    unauthorized(
        cases,
        "duplicate headers that differ in case",
        requestEvent(
            object(
                "headers",
                "Authorization",
                "Bearer " + ADMIN_TOKEN,
                "authorization",
                "Bearer " + READER_TOKEN)));
    unauthorized(
        cases,
        "two Authorization values",
        requestEvent(
            multi(
                "multiValueHeaders",
                "Authorization",
                "Bearer " + ADMIN_TOKEN,
                "Bearer " + READER_TOKEN)));
    unauthorized(
        cases,
        "headers and multiValueHeaders that disagree",
        requestEvent(
            object("headers", "Authorization", "Bearer " + ADMIN_TOKEN)
                + ","
                + multi("multiValueHeaders", "Authorization", "Bearer " + READER_TOKEN)));
    unauthorized(
        cases,
        "a look-alike header name (Kelvin sign)",
        requestEvent(object("headers", "X-Api-\u212Aey", ADMIN_TOKEN)),
        "header:x-api-key");
    unauthorized(cases, "a REQUEST event without headers", requestEvent(""));
    unauthorized(
        cases,
        "a null Authorization header",
        requestEvent(
            "\"headers\":{\"Authorization\":null,\"Cookie\":" + q("session=" + ADMIN_TOKEN) + "}"),
        "header:Authorization,cookie:session");
    unauthorized(
        cases,
        "an empty multi-value Authorization header before a good cookie",
        requestEvent(
            "\"multiValueHeaders\":{\"Authorization\":[]},"
                + object("headers", "Cookie", "session=" + ADMIN_TOKEN)),
        "header:Authorization,cookie:session");
    unauthorized(
        cases,
        "a null multi-value Authorization header before a good cookie",
        requestEvent(
            "\"multiValueHeaders\":{\"Authorization\":null,\"Cookie\":["
                + q("session=" + ADMIN_TOKEN)
                + "]}"),
        "header:Authorization,cookie:session");
    unauthorized(
        cases,
        "an empty multi-value query parameter before a good cookie",
        requestEvent(
            "\"multiValueQueryStringParameters\":{\"access_token\":[]},"
                + object("headers", "Cookie", "session=" + ADMIN_TOKEN)),
        "query:access_token,cookie:session");
    unauthorized(
        cases,
        "a null multi-value query parameter before a good cookie",
        requestEvent(
            "\"multiValueQueryStringParameters\":{\"access_token\":null},"
                + object("headers", "Cookie", "session=" + ADMIN_TOKEN)),
        "query:access_token,cookie:session");
    unauthorized(
        cases,
        "cookies without the configured name",
        requestEvent(object("headers", "Cookie", "sid=" + ADMIN_TOKEN + "; theme=dark")),
        "cookie:session");
    unauthorized(
        cases,
        "a malformed cookie header",
        requestEvent(object("headers", "Cookie", "session" + ADMIN_TOKEN + ";;=;session")),
        "cookie:session");
    unauthorized(
        cases,
        "duplicate cookie names with different values",
        requestEvent(
            object("headers", "Cookie", "session=" + ADMIN_TOKEN + "; session=" + READER_TOKEN)),
        "cookie:session");
    unauthorized(
        cases,
        "duplicate cookies across the cookies list",
        v2Event(
            "\"cookies\":["
                + q("session=" + ADMIN_TOKEN)
                + ","
                + q("session=" + READER_TOKEN)
                + "]"),
        "cookie:session");
    unauthorized(
        cases,
        "repeated query parameters",
        requestEvent(
            multi("multiValueQueryStringParameters", "access_token", ADMIN_TOKEN, READER_TOKEN)),
        "query:access_token");
    unauthorized(
        cases,
        "repeated query parameters joined by HTTP API 2.0",
        v2Event(object("queryStringParameters", "access_token", ADMIN_TOKEN + "," + READER_TOKEN)),
        "query:access_token");
    unauthorized(
        cases,
        "a token in a query parameter that is not configured",
        requestEvent(object("queryStringParameters", "token", ADMIN_TOKEN)));
    // The client's path: whatever it holds, a bad or missing credential is a 401, never a 500.
    for (String path : ClientPathTest.PATHS) {
      String arn = Demo.STAGE_PREFIX + "GET" + path;
      unauthorized(cases, "a junk token on " + path, tokenEvent("Bearer pcs_junk", arn));
      unauthorized(
          cases,
          "a REQUEST event without a credential on " + path,
          "{\"type\":\"REQUEST\",\"methodArn\":" + q(arn) + "}");
      unauthorized(
          cases,
          "a REQUEST event with a junk token on " + path,
          "{\"type\":\"REQUEST\",\"methodArn\":" + q(arn) + "," + bearerHeader("pcs_junk") + "}");
      unauthorized(
          cases,
          "an HTTP API 2.0 event without a credential on " + path,
          "{\"version\":\"2.0\",\"type\":\"REQUEST\",\"routeArn\":" + q(arn) + "}");
    }
    return cases;
  }

  private static String bearerHeader(String token) {
    return object("headers", "Authorization", "Bearer " + token);
  }

  private static void invalid(List<Case> cases, String name, String event) {
    cases.add(new Case(name, Ending.INVALID_EVENT, null, () -> stream(event)));
  }

  private static void invalid(List<Case> cases, String name, byte[] event) {
    cases.add(new Case(name, Ending.INVALID_EVENT, null, () -> new ByteArrayInputStream(event)));
  }

  private static void unauthorized(List<Case> cases, String name, String event) {
    unauthorized(cases, name, event, null);
  }

  /** A case run with these token sources; null means the examples' sources. */
  private static void unauthorized(List<Case> cases, String name, String event, String sources) {
    cases.add(new Case(name, Ending.UNAUTHORIZED, sources, () -> stream(event)));
  }

  private static InputStream stream(String event) {
    return event == null ? null : new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8));
  }

  /** The event's bytes with the first {@code target} replaced by raw bytes. */
  private static byte[] bytesFor(String event, String target, int... replacement) {
    int at = event.indexOf(target);
    byte[] head = event.substring(0, at).getBytes(StandardCharsets.UTF_8);
    byte[] tail = event.substring(at + target.length()).getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[head.length + replacement.length + tail.length];
    System.arraycopy(head, 0, all, 0, head.length);
    for (int i = 0; i < replacement.length; i++) {
      all[head.length + i] = (byte) replacement[i];
    }
    System.arraycopy(tail, 0, all, head.length + replacement.length, tail.length);
    return all;
  }

  private static byte[] concat(String head, byte[] tail) {
    byte[] start = head.getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[start.length + tail.length];
    System.arraycopy(start, 0, all, 0, start.length);
    System.arraycopy(tail, 0, all, start.length, tail.length);
    return all;
  }
}
