package dev.portcullis.gateway;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The kind of API and authorizer the local gateway plays: {@code --kind}. */
public enum ApiKind {
  /** A REST API with a TOKEN authorizer. */
  REST_TOKEN("rest-token", Family.REST, "method.request.header.Authorization"),
  /** A REST API with a REQUEST authorizer. */
  REST_REQUEST("rest-request", Family.REST, "method.request.header.Authorization"),
  /** An HTTP API with a Lambda authorizer of payload format 1.0. */
  HTTP_V1("http-1.0", Family.HTTP, "$request.header.Authorization"),
  /** An HTTP API with a Lambda authorizer of payload format 2.0. */
  HTTP_V2("http-2.0", Family.HTTP, "$request.header.Authorization"),
  /** A WebSocket API with a REQUEST authorizer on {@code $connect}. */
  WEBSOCKET("websocket", Family.WEBSOCKET, "route.request.header.Authorization");

  /** The API families, which differ in syntax, limits and error bodies. */
  public enum Family {
    REST,
    HTTP,
    WEBSOCKET
  }

  private final String optionName;
  private final Family family;
  private final String defaultIdentitySource;

  ApiKind(String optionName, Family family, String defaultIdentitySource) {
    this.optionName = optionName;
    this.family = family;
    this.defaultIdentitySource = defaultIdentitySource;
  }

  /** The name given to {@code --kind}, such as {@code rest-token}. */
  public String optionName() {
    return optionName;
  }

  public Family family() {
    return family;
  }

  /** The identity source used when {@code --identity-source} is not given. */
  public String defaultIdentitySource() {
    return defaultIdentitySource;
  }

  /**
   * The TTL used when {@code --cache-ttl} is not given: 300 s for REST (CreateAuthorizer's
   * documented default) and HTTP APIs; 0 for WebSocket APIs, whose authorizers have no cache.
   */
  public int defaultCacheTtlSeconds() {
    return family == Family.WEBSOCKET ? 0 : 300;
  }

  /** The kind named {@code name}, if any. */
  public static Optional<ApiKind> byOptionName(String name) {
    for (ApiKind kind : values()) {
      if (kind.optionName.equals(name)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }

  /** Every option name, for error messages. */
  public static String optionNames() {
    return Arrays.stream(values()).map(ApiKind::optionName).collect(Collectors.joining(", "));
  }
}
