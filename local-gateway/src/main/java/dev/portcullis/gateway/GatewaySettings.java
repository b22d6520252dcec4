package dev.portcullis.gateway;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the local gateway plays and where: the address it listens on, the kind of API, its identity
 * sources and result cache, the integration, and the API's coordinates.
 *
 * @param port the port to listen on; 0 picks a free one
 * @param cacheTtlSeconds the authorizer result TTL, 0 (off) to {@value #MAX_CACHE_TTL}
 * @param naive whether each policy is narrowed to the one ARN called, to show the cached-policy
 *     trap ({@link NaivePolicy})
 */
public record GatewaySettings(
    String host,
    int port,
    ApiKind kind,
    List<IdentitySource> identitySources,
    int cacheTtlSeconds,
    Optional<URI> upstream,
    ApiCoordinates api,
    boolean naive) {

  /** The address listened on by default: this machine only. */
  public static final String DEFAULT_HOST = "127.0.0.1";

  /** The port listened on by default. */
  public static final int DEFAULT_PORT = 8080;

  /** API Gateway's largest authorizer result TTL. */
  public static final int MAX_CACHE_TTL = 3600;

  public GatewaySettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(kind, "kind");
    identitySources = List.copyOf(identitySources);
    Objects.requireNonNull(upstream, "upstream");
    Objects.requireNonNull(api, "api");
  }

  /**
   * API Gateway's defaults for {@code kind}, on loopback port {@value #DEFAULT_PORT}: the kind's
   * identity source and TTL, the built-in echo, the demo world's API.
   */
  public static GatewaySettings defaults(ApiKind kind) {
    return new GatewaySettings(
        DEFAULT_HOST,
        DEFAULT_PORT,
        kind,
        IdentitySource.parseList(kind.defaultIdentitySource(), kind),
        kind.defaultCacheTtlSeconds(),
        Optional.empty(),
        ApiCoordinates.DEMO,
        false);
  }
}
