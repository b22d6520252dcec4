package dev.portcullis.adapters.lambda;

import dev.portcullis.domain.model.Identity;
import dev.portcullis.domain.model.RouteTarget;
import dev.portcullis.domain.policy.PolicyBuilder;
import dev.portcullis.domain.port.in.Decision;
import dev.portcullis.domain.rules.AccessRules;
import dev.portcullis.domain.service.ContextBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The fixed inputs of {@link AuthorizerAdapter#prime()}: one event of each kind, shaped like API
 * Gateway's (headers, multi-value maps, a request context) so that every branch of the reader runs,
 * and one synthetic decision to write answers for. The decision is an object made here and nowhere
 * stored: no credential can ever resolve to its identity.
 */
final class PrimingInputs {

  /** A credential-shaped value in the events; it is read, never resolved. */
  static final String TOKEN = "pcs_snapstart_priming_read_only_000000000000000000";

  private static final String STAGE =
      "arn:aws:execute-api:us-east-1:123456789012:primingapi/prime/";
  private static final String ARN = STAGE + "GET/prime/1";

  private static final String HEADERS =
      "\"headers\":{\"Authorization\":\"Bearer "
          + TOKEN
          + "\",\"Cookie\":\"session="
          + TOKEN
          + "\",\"Host\":\"primingapi.execute-api.us-east-1.amazonaws.com\"},"
          + "\"multiValueHeaders\":{\"Authorization\":[\"Bearer "
          + TOKEN
          + "\"],\"Host\":[\"primingapi.execute-api.us-east-1.amazonaws.com\"]},"
          + "\"queryStringParameters\":{\"access_token\":\""
          + TOKEN
          + "\"},\"multiValueQueryStringParameters\":{\"access_token\":[\""
          + TOKEN
          + "\"]},\"pathParameters\":{\"id\":\"1\"},\"stageVariables\":{}";

  /** One event of each kind, in {@link EventKind} order. */
  static final List<byte[]> EVENTS =
      List.of(
          bytes(
              "{\"type\":\"TOKEN\",\"authorizationToken\":\"Bearer "
                  + TOKEN
                  + "\",\"methodArn\":\""
                  + ARN
                  + "\"}"),
          bytes(
              "{\"type\":\"REQUEST\",\"methodArn\":\""
                  + ARN
                  + "\",\"resource\":\"/prime/{id}\",\"path\":\"/prime/1\",\"httpMethod\":\"GET\","
                  + HEADERS
                  + ",\"requestContext\":{\"path\":\"/prime/prime/1\",\"stage\":\"prime\","
                  + "\"identity\":{\"sourceIp\":\"203.0.113.1\"}}}"),
          bytes(
              "{\"version\":\"1.0\",\"type\":\"REQUEST\",\"methodArn\":\""
                  + ARN
                  + "\",\"identitySource\":\"Bearer "
                  + TOKEN
                  + "\",\"authorizationToken\":\"Bearer "
                  + TOKEN
                  + "\",\"resource\":\"/prime/{id}\",\"path\":\"/prime/1\",\"httpMethod\":\"GET\","
                  + HEADERS
                  + ",\"requestContext\":{\"httpMethod\":\"GET\",\"stage\":\"prime\"}}"),
          bytes(
              "{\"version\":\"2.0\",\"type\":\"REQUEST\",\"routeArn\":\""
                  + ARN
                  + "\",\"identitySource\":[\"Bearer "
                  + TOKEN
                  + "\"],\"routeKey\":\"GET /prime/{id}\",\"rawPath\":\"/prime/prime/1\","
                  + "\"rawQueryString\":\"access_token="
                  + TOKEN
                  + "\",\"cookies\":[\"session="
                  + TOKEN
                  + "\"],\"headers\":{\"authorization\":\"Bearer "
                  + TOKEN
                  + "\"},\"queryStringParameters\":{\"access_token\":\""
                  + TOKEN
                  + "\"},\"requestContext\":{\"http\":{\"method\":\"GET\",\"path\":\"/prime/1\"},"
                  + "\"routeKey\":\"GET /prime/{id}\",\"stage\":\"prime\"},"
                  + "\"pathParameters\":{\"id\":\"1\"},\"stageVariables\":{}}"),
          bytes(
              "{\"type\":\"REQUEST\",\"methodArn\":\""
                  + STAGE
                  + "$connect\","
                  + HEADERS
                  + ",\"requestContext\":{\"routeKey\":\"$connect\",\"eventType\":\"CONNECT\","
                  + "\"messageDirection\":\"IN\",\"stage\":\"prime\",\"connectedAt\":1}}"));

  private PrimingInputs() {}

  /**
   * A decision for a synthetic identity on the priming API: an Allow of two grants and the
   * dot-segment Deny, a context and an API key, as a real answer has.
   */
  static Decision.Authenticated decision() {
    Identity identity =
        new Identity(
            "snapstart-priming",
            Set.of("priming"),
            Map.of("tenant", "priming"),
            Instant.ofEpochSecond(1),
            "priming",
            Optional.of("priming-api-key-000000"));
    AccessRules rules = AccessRules.of(Map.of("priming", List.of("GET /prime/*", "$connect")));
    return new Decision.Authenticated(
        identity,
        PolicyBuilder.build(rules.grantsFor(identity.roles()), RouteTarget.parse(ARN)),
        ContextBuilder.build(identity),
        true,
        Optional.empty());
  }

  private static byte[] bytes(String event) {
    return event.getBytes(StandardCharsets.UTF_8);
  }
}
