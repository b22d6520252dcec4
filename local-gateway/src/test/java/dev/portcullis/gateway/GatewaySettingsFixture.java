package dev.portcullis.gateway;

import java.net.URI;
import java.util.Optional;

/**
 * Settings for tests: API Gateway's defaults for a kind, changed the way the options change them.
 */
public final class GatewaySettingsFixture {

  private GatewaySettingsFixture() {}

  /**
   * The defaults for {@code kind} with the given options (name, value, name, value...): {@code
   * cache-ttl}, {@code identity-source}, {@code upstream}, {@code api-id}, {@code stage}, {@code
   * account}, {@code region}, and {@code naive} ({@code true} or {@code false}).
   */
  public static GatewaySettings settings(ApiKind kind, String... options) {
    GatewaySettings defaults = GatewaySettings.defaults(kind);
    int ttl = defaults.cacheTtlSeconds();
    var sources = defaults.identitySources();
    Optional<URI> upstream = defaults.upstream();
    ApiCoordinates api = defaults.api();
    boolean naive = defaults.naive();
    for (int i = 0; i < options.length; i += 2) {
      String value = options[i + 1];
      switch (options[i]) {
        case "cache-ttl" -> ttl = Integer.parseInt(value);
        case "identity-source" -> sources = IdentitySource.parseList(value, kind);
        case "upstream" -> upstream = Optional.of(URI.create(value));
        case "api-id" -> api = new ApiCoordinates(value, api.stage(), api.account(), api.region());
        case "stage" -> api = new ApiCoordinates(api.apiId(), value, api.account(), api.region());
        case "account" -> api = new ApiCoordinates(api.apiId(), api.stage(), value, api.region());
        case "region" -> api = new ApiCoordinates(api.apiId(), api.stage(), api.account(), value);
        case "naive" -> naive = Boolean.parseBoolean(value);
        default -> throw new IllegalArgumentException("no option " + options[i] + " here");
      }
    }
    return new GatewaySettings(
        defaults.host(), defaults.port(), kind, sources, ttl, upstream, api, naive);
  }

  /** A copy listening on {@code port}; 0 picks a free one. */
  public static GatewaySettings withPort(GatewaySettings settings, int port) {
    return new GatewaySettings(
        settings.host(),
        port,
        settings.kind(),
        settings.identitySources(),
        settings.cacheTtlSeconds(),
        settings.upstream(),
        settings.api(),
        settings.naive());
  }
}
