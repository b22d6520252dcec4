package dev.portcullis.gateway;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * An answer the gateway gives by itself: status, JSON body and, for REST APIs, the {@code
 * x-amzn-ErrorType} header. The choices and their sources are in docs/local-gateway.md.
 */
public record GatewayResponse(int status, Optional<String> errorType, String body) {

  /** API Gateway's own answer for {@code rejection} on an API of {@code family}. */
  public static GatewayResponse of(ApiKind.Family family, Rejection rejection) {
    return family == ApiKind.Family.REST ? rest(rejection) : httpOrWebSocket(rejection);
  }

  private static GatewayResponse rest(Rejection rejection) {
    return switch (rejection) {
      case UNAUTHORIZED -> typed(401, "UnauthorizedException", "{\"message\":\"Unauthorized\"}");
      case EXPLICIT_DENY ->
          typed(
              403,
              "AccessDeniedException",
              "{\"Message\":\"User is not authorized to access this resource with an explicit"
                  + " deny\"}");
      case IMPLICIT_DENY ->
          typed(
              403,
              "AccessDeniedException",
              "{\"Message\":\"User is not authorized to access this resource\"}");
      case AUTHORIZER_FAILURE ->
          typed(500, "AuthorizerConfigurationException", "{\"message\":null}");
      case UNSUPPORTED_METHOD ->
          typed(
              403,
              "MissingAuthenticationTokenException",
              "{\"message\":\"Missing Authentication Token\"}");
      default -> common(rejection);
    };
  }

  private static GatewayResponse httpOrWebSocket(Rejection rejection) {
    return switch (rejection) {
      case UNAUTHORIZED -> plain(401, "{\"message\":\"Unauthorized\"}");
      case EXPLICIT_DENY, IMPLICIT_DENY -> plain(403, "{\"message\":\"Forbidden\"}");
      case AUTHORIZER_FAILURE -> plain(500, "{\"message\":\"Internal Server Error\"}");
      case UNSUPPORTED_METHOD -> plain(404, "{\"message\":\"Not Found\"}");
      default -> common(rejection);
    };
  }

  private static GatewayResponse common(Rejection rejection) {
    return switch (rejection) {
      case HEADERS_TOO_LARGE -> plain(431, "{\"message\":\"Request Header Fields Too Large\"}");
      case ARN_TOO_LONG -> plain(414, "{\"message\":\"Request-URI Too Long\"}");
      case PAYLOAD_TOO_LARGE -> plain(413, "{\"message\":\"Request Entity Too Large\"}");
      default -> plain(502, "{\"message\":\"Bad Gateway\"}");
    };
  }

  private static GatewayResponse typed(int status, String errorType, String body) {
    return new GatewayResponse(status, Optional.of(errorType), body);
  }

  private static GatewayResponse plain(int status, String body) {
    return new GatewayResponse(status, Optional.empty(), body);
  }

  /** The body as UTF-8 bytes. */
  public byte[] bodyBytes() {
    return body.getBytes(StandardCharsets.UTF_8);
  }
}
