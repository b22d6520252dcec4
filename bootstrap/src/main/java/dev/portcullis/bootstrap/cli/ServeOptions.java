package dev.portcullis.bootstrap.cli;

import dev.portcullis.bootstrap.config.SettingsReader;
import dev.portcullis.gateway.ApiCoordinates;
import dev.portcullis.gateway.ApiKind;
import dev.portcullis.gateway.GatewaySettings;
import dev.portcullis.gateway.IdentitySource;
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
 * every problem is reported at once. They give the gateway's settings, and say how the command
 * wires the authorizer behind it.
 *
 * @param gateway what the local gateway plays, and where
 * @param demo whether the authorizer runs on the demo world ({@link DemoWorld})
 * @param decisionLog whether the authorizer's decision lines go to standard error
 */
record ServeOptions(GatewaySettings gateway, boolean demo, boolean decisionLog) {

  ServeOptions {
    Objects.requireNonNull(gateway, "gateway");
  }

  /**
   * Reads the options given on the command line.
   *
   * @param values each valued option given, by name without {@code --}
   * @param flags each flag given
   * @throws IllegalArgumentException naming every problem
   */
  static ServeOptions fromOptions(Map<String, String> values, Set<String> flags) {
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
    GatewaySettings defaults = GatewaySettings.defaults(kind);
    int port = options.integer("--port", defaults.port(), 0, 65_535);
    int ttl =
        options.integer(
            "--cache-ttl", defaults.cacheTtlSeconds(), 0, GatewaySettings.MAX_CACHE_TTL);
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
    ApiCoordinates api = defaults.api();
    try {
      api =
          new ApiCoordinates(
              values.getOrDefault("api-id", api.apiId()),
              values.getOrDefault("stage", api.stage()),
              values.getOrDefault("account", api.account()),
              values.getOrDefault("region", api.region()));
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
    }
    boolean demo = flags.contains("demo");
    boolean naive = flags.contains("naive");
    if (naive && !demo) {
      problems.add("--naive is a demo of the cached-policy trap: use it with --demo");
    }
    String host = values.getOrDefault("host", defaults.host());
    if (host.isBlank()) {
      problems.add("--host is empty: use an address such as 127.0.0.1 or 0.0.0.0");
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("\n", problems));
    }
    return new ServeOptions(
        new GatewaySettings(host, port, kind, sources, ttl, upstream, api, naive),
        demo,
        flags.contains("decision-log"));
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
