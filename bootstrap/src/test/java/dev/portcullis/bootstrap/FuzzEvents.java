package dev.portcullis.bootstrap;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Valid events of every kind, carrying a seed token, mutated field by field as the fuzzer decides:
 * ARNs, headers in any case, multi-value maps, cookies, query strings, the credential itself (its
 * prefix, its characters, JWT-shaped segments), and the fields that tell the kinds apart.
 */
final class FuzzEvents {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The documented example events, each with the fuzz seed's own tokens in place of the demo's. */
  static final List<ObjectNode> EXAMPLES = examples();

  private static final String[] HEADER_NAMES = {
    "Authorization",
    "authorization",
    "AUTHORIZATION",
    "Cookie",
    "cookie",
    "X-Api-Token",
    "Sec-WebSocket-Protocol",
    "Host"
  };

  private static final String[] QUERY_NAMES = {"access_token", "token", "Access_Token", "q"};

  private static final String[] ARN_PIECES = {
    "arn:aws:execute-api:us-east-1:123456789012:abcdef1234/prod/GET/orders",
    "arn:aws:execute-api:eu-west-1:123456789012:abcdef1234/prod/$connect",
    "arn:aws-cn:execute-api:cn-north-1:123456789012:abcdef1234/prod/POST/a/b",
    "/prod/GET/files/$connect",
    "/$default",
    "/*/",
    "/../",
    "/%2e%2e/",
    "?",
    "*",
    "%",
    ":",
    "",
  };

  private FuzzEvents() {}

  /** One event, built from an example and mutated as the fuzzer's data says. */
  static byte[] mutated(FuzzedDataProvider data) {
    ObjectNode event = EXAMPLES.get(data.consumeInt(0, EXAMPLES.size() - 1)).deepCopy();
    int mutations = data.consumeInt(0, 8);
    for (int i = 0; i < mutations && data.remainingBytes() > 0; i++) {
      switch (data.consumeInt(0, 8)) {
        case 0 -> event.put(arnField(event), arn(data));
        case 1 -> map(event, "headers").put(pick(data, HEADER_NAMES), credential(data));
        case 2 -> multi(event, "multiValueHeaders", pick(data, HEADER_NAMES), data);
        case 3 ->
            map(event, "queryStringParameters").put(pick(data, QUERY_NAMES), credential(data));
        case 4 -> multi(event, "multiValueQueryStringParameters", pick(data, QUERY_NAMES), data);
        case 5 -> cookies(event, data);
        case 6 -> event.put("authorizationToken", credential(data));
        case 7 -> kind(event, data);
        default ->
            event.remove(pick(data, new String[] {"methodArn", "routeArn", "headers", "type"}));
      }
    }
    try {
      return JSON.writeValueAsBytes(event);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A credential: a seed token (valid, expired or unknown), changed or JWT-shaped, with a prefix.
   */
  private static String credential(FuzzedDataProvider data) {
    String token =
        switch (data.consumeInt(0, 4)) {
          case 0 -> FuzzWorld.SEEDED.get(data.consumeInt(0, FuzzWorld.SEEDED.size() - 1)).token();
          case 1 -> jwtShaped(data);
          case 2 -> data.consumeString(64);
          case 3 -> edited(FuzzWorld.SEEDED.get(0).token(), data);
          default -> "";
        };
    String prefix =
        pick(
            data,
            new String[] {"Bearer ", "bearer ", "Bearer  ", "Bearer\t", "", "Basic ", "session="});
    return prefix + token;
  }

  private static String jwtShaped(FuzzedDataProvider data) {
    Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
    return url.encodeToString(data.consumeBytes(24))
        + "."
        + url.encodeToString(data.consumeBytes(48))
        + "."
        + url.encodeToString(data.consumeBytes(32));
  }

  private static String edited(String token, FuzzedDataProvider data) {
    int at = data.consumeInt(0, token.length());
    return token.substring(0, at) + data.consumeString(4) + token.substring(at);
  }

  private static String arn(FuzzedDataProvider data) {
    StringBuilder arn = new StringBuilder();
    int pieces = data.consumeInt(1, 4);
    for (int i = 0; i < pieces; i++) {
      arn.append(data.consumeBoolean() ? pick(data, ARN_PIECES) : data.consumeString(40));
    }
    return arn.toString();
  }

  private static String arnField(ObjectNode event) {
    return event.has("routeArn") ? "routeArn" : "methodArn";
  }

  private static ObjectNode map(ObjectNode event, String field) {
    JsonNode existing = event.get(field);
    return existing instanceof ObjectNode object ? object : event.putObject(field);
  }

  private static void multi(ObjectNode event, String field, String name, FuzzedDataProvider data) {
    ObjectNode map = map(event, field);
    switch (data.consumeInt(0, 3)) {
      case 0 -> map.putNull(name);
      case 1 -> map.putArray(name);
      case 2 -> map.putArray(name).addNull();
      default -> {
        ArrayNode values = map.putArray(name);
        int count = data.consumeInt(1, 3);
        for (int i = 0; i < count; i++) {
          values.add(credential(data));
        }
      }
    }
  }

  private static void cookies(ObjectNode event, FuzzedDataProvider data) {
    String cookie = "session=" + credential(data).replaceFirst("^session=", "");
    if (data.consumeBoolean()) {
      ArrayNode cookies = event.putArray("cookies");
      cookies.add(data.consumeString(20));
      cookies.add(cookie);
    } else {
      map(event, "headers").put("Cookie", data.consumeString(20) + "; " + cookie);
    }
  }

  private static void kind(ObjectNode event, FuzzedDataProvider data) {
    switch (data.consumeInt(0, 4)) {
      case 0 -> event.put("type", pick(data, new String[] {"TOKEN", "REQUEST", "token", ""}));
      case 1 -> event.put("version", pick(data, new String[] {"1.0", "2.0", "3.0", ""}));
      case 2 -> event.put("routeKey", pick(data, new String[] {"$connect", "$default", "GET /x"}));
      case 3 ->
          map(event, "requestContext")
              .put("eventType", pick(data, new String[] {"CONNECT", "MESSAGE", ""}));
      default ->
          event.put(pick(data, new String[] {"type", "version", "headers"}), data.consumeInt());
    }
  }

  private static String pick(FuzzedDataProvider data, String[] choices) {
    return choices[data.consumeInt(0, choices.length - 1)];
  }

  private static List<ObjectNode> examples() {
    Path events = Path.of("..", "docs", "examples", "events");
    List<ObjectNode> examples = new ArrayList<>();
    try (var files = Files.list(events)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        String text =
            Files.readString(file)
                .replace(
                    "pcs_demo_admin_0000000000000000000000000000000000",
                    FuzzWorld.SEEDED.get(0).token())
                .replace(
                    "pcs_demo_reader_000000000000000000000000000000000",
                    FuzzWorld.SEEDED.get(1).token());
        examples.add((ObjectNode) JSON.readTree(text));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(examples);
  }
}
