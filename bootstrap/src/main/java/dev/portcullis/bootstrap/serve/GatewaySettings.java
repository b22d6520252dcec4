package dev.portcullis.bootstrap.serve;

import dev.portcullis.bootstrap.config.SettingsReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The options of {@code serve}, checked as a whole, numbers through the one {@link SettingsReader}:
 * every problem is reported at once.
 *
 * @param cacheTtlSeconds the authorizer result TTL, 0 (off) to 3600
 */
public record GatewaySettings(
    String host,
    int port,
    ApiKind kind,
    List<IdentitySource> identitySources,
    int cacheTtlSeconds,
    Optional<URI> upstream,
    ApiCoordinates api,
    boolean demo,
    boolean naive,
    boolean decisionLog) {

  /** Options that take a value. */
  public static final Set<String> VALUED_OPTIONS =
      Set.of(
          "host",
          "port",
          "kind",
          "identity-source",
          "cache-ttl",
          "upstream",
          "api-id",
          "stage",
          "account",
          "region");

  /** Options that take none. */
  public static final Set<String> FLAGS = Set.of("demo", "naive", "decision-log");

  /** The port used without {@code --port}. */
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

  /** The defaults for {@code kind}: loopback, port 8080, the kind's identity source and TTL. */
  public static GatewaySettings defaults(ApiKind kind) {
    return fromOptions(Map.of("kind", kind.optionName()), Set.of());
  }

  /**
   * Reads the options given on the command line.
   *
   * @param values each valued option given, by name without {@code --}
   * @param flags each flag given
   * @throws IllegalArgumentException naming every problem
   */
  public static GatewaySettings fromOptions(Map<String, String> values, Set<String> flags) {
    Map<String, String> named = new HashMap<>();
    values.forEach((name, value) -> named.put("--" + name, value));
    SettingsReader options = SettingsReader.options(named);
    List<String> problems = new ArrayList<>();
    ApiKind kind =
        ApiKind.byOptionName(values.getOrDefault("kind", ApiKind.REST_TOKEN.optionName()))
            .orElse(null);
    if (kind == null) {
      problems.add("--kind '" + values.get("kind") + "' is not one of " + ApiKind.optionNames());
      kind = ApiKind.REST_TOKEN;
    }
    int port = options.integer("--port", DEFAULT_PORT, 0, 65_535);
    int ttl = options.integer("--cache-ttl", kind.defaultCacheTtlSeconds(), 0, MAX_CACHE_TTL);
    problems.addAll(options.problems());
    if (kind == ApiKind.WEBSOCKET && ttl > 0) {
      problems.add(
          "--cache-ttl must be 0 for websocket: WebSocket APIs do not cache authorizer results");
    }
    List<IdentitySource> sources = List.of();
    try {
      sources =
          IdentitySource.parseList(
              values.getOrDefault("identity-source", kind.defaultIdentitySource()), kind);
      if (sources.isEmpty() && (ttl > 0 || kind == ApiKind.REST_TOKEN)) {
        problems.add(
            "--identity-source is empty: "
                + (kind == ApiKind.REST_TOKEN
                    ? "a TOKEN authorizer needs its header"
                    : "caching needs at least one identity source (or use --cache-ttl 0)"));
      }
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
    }
    Optional<URI> upstream = Optional.empty();
    if (values.containsKey("upstream")) {
      upstream = upstream(values.get("upstream"), problems);
    }
    ApiCoordinates api = ApiCoordinates.DEMO;
    try {
      api =
          new ApiCoordinates(
              values.getOrDefault("api-id", ApiCoordinates.DEMO.apiId()),
              values.getOrDefault("stage", ApiCoordinates.DEMO.stage()),
              values.getOrDefault("account", ApiCoordinates.DEMO.account()),
              values.getOrDefault("region", ApiCoordinates.DEMO.region()));
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
    }
    boolean demo = flags.contains("demo");
    boolean naive = flags.contains("naive");
    if (naive && !demo) {
      problems.add("--naive is a demo of the cached-policy trap: use it with --demo");
    }
    String host = values.getOrDefault("host", "127.0.0.1");
    if (host.isBlank()) {
      problems.add("--host is empty: use an address such as 127.0.0.1 or 0.0.0.0");
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("\n", problems));
    }
    return new GatewaySettings(
        host, port, kind, sources, ttl, upstream, api, demo, naive, flags.contains("decision-log"));
  }

  /** A copy listening on {@code port}; 0 picks a free one. */
  public GatewaySettings withPort(int port) {
    return new GatewaySettings(
        host,
        port,
        kind,
        identitySources,
        cacheTtlSeconds,
        upstream,
        api,
        demo,
        naive,
        decisionLog);
  }

  private static Optional<URI> upstream(String raw, List<String> problems) {
    try {
      URI uri = new URI(raw);
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null
          && uri.getRawQuery() == null
          && uri.getRawFragment() == null) {
        return Optional.of(uri);
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    problems.add(
        "--upstream '" + raw + "' is not an http(s) URL without query, e.g. http://127.0.0.1:9000");
    return Optional.empty();
  }
}
