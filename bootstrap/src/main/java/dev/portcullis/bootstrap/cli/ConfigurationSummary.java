package dev.portcullis.bootstrap.cli;

import dev.portcullis.adapters.dynamodb.DynamoDbSettings;
import dev.portcullis.adapters.jwt.JwtSettings;
import dev.portcullis.bootstrap.config.Backend;
import dev.portcullis.bootstrap.config.CacheConfig;
import dev.portcullis.bootstrap.config.Configuration;
import dev.portcullis.domain.rules.Grant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The configuration as {@code check} shows it, secrets left out, in a fixed order: roles sorted by
 * name, each role's grants in the order the rules give them.
 */
final class ConfigurationSummary {

  private ConfigurationSummary() {}

  static Map<String, Object> of(Configuration c) {
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("backends", c.backends().stream().map(Backend::configName).toList());
    summary.put("rules", c.rulesSource());
    Map<String, List<String>> roles = new TreeMap<>();
    c.rules()
        .asMap()
        .forEach((role, grants) -> roles.put(role, grants.stream().map(Grant::toString).toList()));
    summary.put("roles", roles);
    c.sessionsFile().ifPresent(f -> summary.put("sessionsFile", f.toString()));
    summary.put("tokenSources", c.adapter().tokenSources().stream().map(Object::toString).toList());
    summary.put("httpResponses", c.adapter().httpResponseMode().name().toLowerCase());
    CacheConfig cache = c.cache();
    Map<String, Object> resolutionCache = new LinkedHashMap<>();
    resolutionCache.put("seconds", cache.ttl().toSeconds());
    resolutionCache.put("notFoundSeconds", cache.notFoundTtl().toSeconds());
    resolutionCache.put("maxEntries", cache.maxEntries());
    summary.put("resolutionCache", resolutionCache);
    c.jwt().ifPresent(jwt -> summary.put("jwt", jwt(jwt)));
    c.dynamoDb().ifPresent(d -> summary.put("dynamodb", dynamoDb(d)));
    return summary;
  }

  private static Map<String, Object> jwt(JwtSettings jwt) {
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put(
        "issuers",
        jwt.issuers().stream()
            .map(i -> Map.of("issuer", i.issuer(), "jwksUrl", i.jwksUrl().toString()))
            .toList());
    summary.put("audiences", jwt.audiences());
    summary.put("algorithms", jwt.algorithms());
    return summary;
  }

  private static Map<String, Object> dynamoDb(DynamoDbSettings d) {
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("table", d.tableName());
    summary.put("region", d.region());
    d.endpointOverride().ifPresent(e -> summary.put("endpoint", e.toString()));
    summary.put("consistentRead", d.consistentRead());
    summary.put("callTimeoutMs", d.apiCallTimeout().toMillis());
    summary.put("attemptTimeoutMs", d.apiCallAttemptTimeout().toMillis());
    summary.put("maxAttempts", d.maxAttempts());
    return summary;
  }
}
