package dev.portcullis.bootstrap.serve;

import dev.portcullis.json.JsonWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the authorizer event API Gateway would send for a request, in the shapes of
 * docs/examples/events: TOKEN, REQUEST (REST, HTTP payload 1.0, WebSocket {@code $connect}) and
 * HTTP payload 2.0. The request looks as though it came to the API's execute-api host over HTTPS.
 */
final class EventWriter {

  private static final DateTimeFormatter REQUEST_TIME =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  private final ApiKind kind;
  private final ApiCoordinates api;

  EventWriter(ApiKind kind, ApiCoordinates api) {
    this.kind = kind;
    this.api = api;
  }

  /**
   * The event for {@code request} calling {@code route}; {@code identityValues} are the values of
   * the identity sources, in order (null where one is absent, which only a REST REQUEST authorizer
   * without a cache lets through).
   */
  byte[] write(IncomingRequest request, RouteCall route, List<String> identityValues) {
    JsonWriter json = new JsonWriter(2048);
    json.writeStartObject();
    switch (kind) {
      case REST_TOKEN:
        json.writeStringField("type", "TOKEN");
        json.writeStringField("authorizationToken", identityValues.get(0));
        json.writeStringField("methodArn", route.arn());
        break;
      case HTTP_V2:
        writeV2(json, request, route, identityValues);
        break;
      default:
        writeRequest(json, request, route, identityValues);
    }
    json.writeEndObject();
    return json.toByteArray();
  }

  /** REST REQUEST, HTTP payload 1.0 and WebSocket: single- and multi-value maps. */
  private void writeRequest(
      JsonWriter json, IncomingRequest request, RouteCall route, List<String> identityValues) {
    boolean webSocket = kind == ApiKind.WEBSOCKET;
    json.writeStringField("type", "REQUEST");
    if (kind == ApiKind.HTTP_V1) {
      json.writeStringField("version", "1.0");
    }
    json.writeStringField("methodArn", route.arn());
    if (kind == ApiKind.HTTP_V1) {
      String joined = String.join(",", present(identityValues));
      json.writeStringField("identitySource", joined);
      json.writeStringField("authorizationToken", joined);
    }
    if (!webSocket) {
      json.writeStringField("resource", request.rawPath());
      json.writeStringField("path", request.rawPath());
      json.writeStringField("httpMethod", request.method());
    }
    Map<String, List<String>> headers = gatewayHeaders(request);
    json.writeObjectFieldStart("headers");
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      List<String> values = header.getValue();
      json.writeStringField(
          IncomingRequest.titleCase(header.getKey()), values.get(values.size() - 1));
    }
    json.writeEndObject();
    json.writeObjectFieldStart("multiValueHeaders");
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      writeList(json, IncomingRequest.titleCase(header.getKey()), header.getValue());
    }
    json.writeEndObject();
    QueryString query = request.query();
    if (query.isEmpty()) {
      json.writeNullField("queryStringParameters");
      json.writeNullField("multiValueQueryStringParameters");
    } else {
      json.writeObjectFieldStart("queryStringParameters");
      for (String name : query.parameters().keySet()) {
        json.writeStringField(name, query.last(name));
      }
      json.writeEndObject();
      json.writeObjectFieldStart("multiValueQueryStringParameters");
      for (Map.Entry<String, List<String>> parameter : query.parameters().entrySet()) {
        writeList(json, parameter.getKey(), parameter.getValue());
      }
      json.writeEndObject();
    }
    if (!webSocket) {
      json.writeObjectFieldStart("pathParameters");
      json.writeEndObject();
    }
    json.writeObjectFieldStart("stageVariables");
    json.writeEndObject();
    json.writeObjectFieldStart("requestContext");
    if (webSocket) {
      writeWebSocketContext(json, request);
    } else {
      writeRestContext(json, request);
    }
    json.writeEndObject();
  }

  private void writeRestContext(JsonWriter json, IncomingRequest request) {
    json.writeStringField("path", api.stagePath(request.rawPath()));
    json.writeStringField("accountId", api.account());
    json.writeStringField("resourceId", resourceId(request.rawPath()));
    json.writeStringField("stage", api.stage());
    json.writeStringField("domainPrefix", api.apiId());
    json.writeStringField("requestId", request.requestId());
    json.writeStringField("extendedRequestId", request.requestId());
    json.writeStringField("requestTime", REQUEST_TIME.format(request.receivedAt()));
    json.writeNumberField("requestTimeEpoch", request.receivedAt().toEpochMilli());
    json.writeStringField("protocol", request.protocol());
    json.writeObjectFieldStart("identity");
    json.writeNullField("apiKey");
    json.writeStringField("sourceIp", request.sourceIp());
    json.writeStringField("userAgent", request.lastHeader("user-agent"));
    json.writeEndObject();
    json.writeStringField("domainName", api.domainName());
    json.writeStringField("resourcePath", request.rawPath());
    json.writeStringField("httpMethod", request.method());
    json.writeStringField("apiId", api.apiId());
  }

  private void writeWebSocketContext(JsonWriter json, IncomingRequest request) {
    long epoch = request.receivedAt().toEpochMilli();
    json.writeStringField("routeKey", "$connect");
    json.writeStringField("eventType", "CONNECT");
    json.writeStringField("extendedRequestId", request.requestId());
    json.writeStringField("requestTime", REQUEST_TIME.format(request.receivedAt()));
    json.writeStringField("messageDirection", "IN");
    json.writeStringField("stage", api.stage());
    json.writeNumberField("connectedAt", epoch);
    json.writeNumberField("requestTimeEpoch", epoch);
    json.writeObjectFieldStart("identity");
    json.writeStringField("sourceIp", request.sourceIp());
    json.writeEndObject();
    json.writeStringField("requestId", request.requestId());
    json.writeStringField("domainName", api.domainName());
    json.writeStringField("connectionId", "conn-" + request.requestId());
    json.writeStringField("apiId", api.apiId());
  }

  /**
   * HTTP payload 2.0: lower-case headers joined with commas, a cookies list, raw path and query.
   */
  private void writeV2(
      JsonWriter json, IncomingRequest request, RouteCall route, List<String> identityValues) {
    String stagePath = api.stagePath(request.rawPath());
    json.writeStringField("version", "2.0");
    json.writeStringField("type", "REQUEST");
    json.writeStringField("routeArn", route.arn());
    writeList(json, "identitySource", present(identityValues));
    json.writeStringField("routeKey", route.routeKey());
    json.writeStringField("rawPath", stagePath);
    json.writeStringField("rawQueryString", request.query().raw());
    List<String> cookies = cookies(request);
    if (!cookies.isEmpty()) {
      writeList(json, "cookies", cookies);
    }
    json.writeObjectFieldStart("headers");
    for (Map.Entry<String, List<String>> header : gatewayHeaders(request).entrySet()) {
      if (!header.getKey().equals("cookie")) {
        json.writeStringField(header.getKey(), String.join(",", header.getValue()));
      }
    }
    json.writeEndObject();
    QueryString query = request.query();
    if (!query.isEmpty()) {
      json.writeObjectFieldStart("queryStringParameters");
      for (String name : query.parameters().keySet()) {
        json.writeStringField(name, query.joined(name));
      }
      json.writeEndObject();
    }
    json.writeObjectFieldStart("requestContext");
    json.writeStringField("accountId", api.account());
    json.writeStringField("apiId", api.apiId());
    json.writeStringField("domainName", api.domainName());
    json.writeStringField("domainPrefix", api.apiId());
    json.writeObjectFieldStart("http");
    json.writeStringField("method", request.method());
    json.writeStringField("path", stagePath);
    json.writeStringField("protocol", request.protocol());
    json.writeStringField("sourceIp", request.sourceIp());
    json.writeStringField("userAgent", request.joinedHeader("user-agent"));
    json.writeEndObject();
    json.writeStringField("requestId", request.requestId());
    json.writeStringField("routeKey", route.routeKey());
    json.writeStringField("stage", api.stage());
    json.writeStringField("time", REQUEST_TIME.format(request.receivedAt()));
    json.writeNumberField("timeEpoch", request.receivedAt().toEpochMilli());
    json.writeEndObject();
  }

  /**
   * The headers API Gateway passes on: the client's, with {@code Host} naming the execute-api host
   * and the {@code X-Forwarded-*} headers API Gateway adds.
   */
  private Map<String, List<String>> gatewayHeaders(IncomingRequest request) {
    Map<String, List<String>> headers = new TreeMap<>(request.headers());
    headers.put("host", List.of(api.domainName()));
    String forwardedFor = request.joinedHeader("x-forwarded-for");
    headers.put(
        "x-forwarded-for",
        List.of(
            forwardedFor == null ? request.sourceIp() : forwardedFor + ", " + request.sourceIp()));
    headers.put("x-forwarded-port", List.of("443"));
    headers.put("x-forwarded-proto", List.of("https"));
    return headers;
  }

  /** Every {@code Cookie} header split into its pairs, as payload 2.0's {@code cookies}. */
  static List<String> cookies(IncomingRequest request) {
    List<String> cookies = new ArrayList<>();
    for (String header : request.headerValues("cookie")) {
      for (String pair : header.split(";", -1)) {
        String trimmed = pair.trim();
        if (!trimmed.isEmpty()) {
          cookies.add(trimmed);
        }
      }
    }
    return cookies;
  }

  private static List<String> present(List<String> values) {
    List<String> present = new ArrayList<>();
    for (String value : values) {
      if (value != null) {
        present.add(value);
      }
    }
    return present;
  }

  private static void writeList(JsonWriter json, String field, List<String> values) {
    json.writeArrayFieldStart(field);
    for (String value : values) {
      json.writeString(value);
    }
    json.writeEndArray();
  }

  /** A stable six-character resource id per path, as REST APIs give every resource one. */
  private static String resourceId(String path) {
    String id = Long.toString(Integer.toUnsignedLong(path.hashCode()) % 2_176_782_336L, 36);
    return "000000".substring(id.length()) + id;
  }
}
