package dev.portcullis.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
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
    ObjectNode event = Json.MAPPER.createObjectNode();
    switch (kind) {
      case REST_TOKEN ->
          event
              .put("type", "TOKEN")
              .put("authorizationToken", identityValues.get(0))
              .put("methodArn", route.arn());
      case HTTP_V2 -> writeV2(event, request, route, identityValues);
      default -> writeRequest(event, request, route, identityValues);
    }
    try {
      return Json.MAPPER.writeValueAsBytes(event);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e); // unreachable: a tree of strings always serialises
    }
  }

  /** REST REQUEST, HTTP payload 1.0 and WebSocket: single- and multi-value maps. */
  private void writeRequest(
      ObjectNode event, IncomingRequest request, RouteCall route, List<String> identityValues) {
    boolean webSocket = kind == ApiKind.WEBSOCKET;
    event.put("type", "REQUEST");
    if (kind == ApiKind.HTTP_V1) {
      event.put("version", "1.0");
    }
    event.put("methodArn", route.arn());
    if (kind == ApiKind.HTTP_V1) {
      String joined = String.join(",", present(identityValues));
      event.put("identitySource", joined);
      event.put("authorizationToken", joined);
    }
    if (!webSocket) {
      event.put("resource", request.rawPath());
      event.put("path", request.rawPath());
      event.put("httpMethod", request.method());
    }
    Map<String, List<String>> headers = gatewayHeaders(request);
    ObjectNode single = event.putObject("headers");
    headers.forEach(
        (name, values) ->
            single.put(IncomingRequest.titleCase(name), values.get(values.size() - 1)));
    ObjectNode multi = event.putObject("multiValueHeaders");
    headers.forEach((name, values) -> putList(multi, IncomingRequest.titleCase(name), values));
    QueryString query = request.query();
    if (query.isEmpty()) {
      event.putNull("queryStringParameters");
      event.putNull("multiValueQueryStringParameters");
    } else {
      ObjectNode last = event.putObject("queryStringParameters");
      query.parameters().keySet().forEach(name -> last.put(name, query.last(name)));
      ObjectNode all = event.putObject("multiValueQueryStringParameters");
      query.parameters().forEach((name, values) -> putList(all, name, values));
    }
    if (!webSocket) {
      event.putObject("pathParameters");
    }
    event.putObject("stageVariables");
    ObjectNode context = event.putObject("requestContext");
    if (webSocket) {
      writeWebSocketContext(context, request);
    } else {
      writeRestContext(context, request);
    }
  }

  private void writeRestContext(ObjectNode context, IncomingRequest request) {
    context
        .put("path", api.stagePath(request.rawPath()))
        .put("accountId", api.account())
        .put("resourceId", resourceId(request.rawPath()))
        .put("stage", api.stage())
        .put("domainPrefix", api.apiId())
        .put("requestId", request.requestId())
        .put("extendedRequestId", request.requestId())
        .put("requestTime", REQUEST_TIME.format(request.receivedAt()))
        .put("requestTimeEpoch", request.receivedAt().toEpochMilli())
        .put("protocol", request.protocol());
    context
        .putObject("identity")
        .putNull("apiKey")
        .put("sourceIp", request.sourceIp())
        .put("userAgent", request.lastHeader("user-agent"));
    context
        .put("domainName", api.domainName())
        .put("resourcePath", request.rawPath())
        .put("httpMethod", request.method())
        .put("apiId", api.apiId());
  }

  private void writeWebSocketContext(ObjectNode context, IncomingRequest request) {
    long epoch = request.receivedAt().toEpochMilli();
    context
        .put("routeKey", "$connect")
        .put("eventType", "CONNECT")
        .put("extendedRequestId", request.requestId())
        .put("requestTime", REQUEST_TIME.format(request.receivedAt()))
        .put("messageDirection", "IN")
        .put("stage", api.stage())
        .put("connectedAt", epoch)
        .put("requestTimeEpoch", epoch);
    context.putObject("identity").put("sourceIp", request.sourceIp());
    context
        .put("requestId", request.requestId())
        .put("domainName", api.domainName())
        .put("connectionId", "conn-" + request.requestId())
        .put("apiId", api.apiId());
  }

  /**
   * HTTP payload 2.0: lower-case headers joined with commas, a cookies list, raw path and query.
   */
  private void writeV2(
      ObjectNode event, IncomingRequest request, RouteCall route, List<String> identityValues) {
    String stagePath = api.stagePath(request.rawPath());
    event.put("version", "2.0").put("type", "REQUEST").put("routeArn", route.arn());
    putList(event, "identitySource", present(identityValues));
    event
        .put("routeKey", route.routeKey())
        .put("rawPath", stagePath)
        .put("rawQueryString", request.query().raw());
    List<String> cookies = cookies(request);
    if (!cookies.isEmpty()) {
      putList(event, "cookies", cookies);
    }
    ObjectNode headers = event.putObject("headers");
    gatewayHeaders(request)
        .forEach(
            (name, values) -> {
              if (!name.equals("cookie")) {
                headers.put(name, String.join(",", values));
              }
            });
    QueryString query = request.query();
    if (!query.isEmpty()) {
      ObjectNode parameters = event.putObject("queryStringParameters");
      query.parameters().keySet().forEach(name -> parameters.put(name, query.joined(name)));
    }
    ObjectNode context =
        event
            .putObject("requestContext")
            .put("accountId", api.account())
            .put("apiId", api.apiId())
            .put("domainName", api.domainName())
            .put("domainPrefix", api.apiId());
    context
        .putObject("http")
        .put("method", request.method())
        .put("path", stagePath)
        .put("protocol", request.protocol())
        .put("sourceIp", request.sourceIp())
        .put("userAgent", request.joinedHeader("user-agent"));
    context
        .put("requestId", request.requestId())
        .put("routeKey", route.routeKey())
        .put("stage", api.stage())
        .put("time", REQUEST_TIME.format(request.receivedAt()))
        .put("timeEpoch", request.receivedAt().toEpochMilli());
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

  private static void putList(ObjectNode parent, String field, List<String> values) {
    ArrayNode list = parent.putArray(field);
    values.forEach(list::add);
  }

  /** A stable six-character resource id per path, as REST APIs give every resource one. */
  private static String resourceId(String path) {
    String id = Long.toString(Integer.toUnsignedLong(path.hashCode()) % 2_176_782_336L, 36);
    return "000000".substring(id.length()) + id;
  }
}
