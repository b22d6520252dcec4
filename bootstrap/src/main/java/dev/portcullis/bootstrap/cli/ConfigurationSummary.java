package dev.portcullis.bootstrap.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.portcullis.adapters.dynamodb.DynamoDbSettings;
import dev.portcullis.adapters.jwt.JwtSettings;
import dev.portcullis.bootstrap.config.Backend;
import dev.portcullis.bootstrap.config.CacheConfig;
import dev.portcullis.bootstrap.config.Configuration;
import dev.portcullis.domain.rules.Grant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The configuration as {@code check} shows it, secrets left out, in a fixed order: roles sorted by
 * name, each role's grants in the order the rules give them. Absent parts are null, and left out of
 * the JSON form.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ConfigurationSummary(
    List<String> backends,
    String rules,
    Map<String, List<String>> roles,
    String sessionsFile,
    List<String> tokenSources,
    String httpResponses,
    ResolutionCache resolutionCache,
    Jwt jwt,
    DynamoDb dynamodb) {

  /** The in-function cache of resolutions. */
  record ResolutionCache(long seconds, long notFoundSeconds, int maxEntries) {}

  /** The JWT backend: whom it trusts, for which audiences and algorithms. */
  record Jwt(List<Issuer> issuers, List<String> audiences, List<String> algorithms) {}

  /** One trusted issuer and where its keys are fetched. */
  record Issuer(String issuer, String jwksUrl) {}

  /** The DynamoDB backend: the table, where it is, and the client's budget. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record DynamoDb(
      String table,
      String region,
      String endpoint,
      boolean consistentRead,
      long callTimeoutMs,
      long attemptTimeoutMs,
      int maxAttempts) {}

  static ConfigurationSummary of(Configuration c) {
    Map<String, List<String>> roles = new TreeMap<>();
    c.rules()
        .asMap()
        .forEach((role, grants) -> roles.put(role, grants.stream().map(Grant::toString).toList()));
    CacheConfig cache = c.cache();
    return new ConfigurationSummary(
        c.backends().stream().map(Backend::configName).toList(),
        c.rulesSource(),
        roles,
        c.sessionsFile().map(Object::toString).orElse(null),
        c.adapter().tokenSources().stream().map(Object::toString).toList(),
        c.adapter().httpResponseMode().name().toLowerCase(Locale.ROOT),
        new ResolutionCache(
            cache.ttl().toSeconds(), cache.notFoundTtl().toSeconds(), cache.maxEntries()),
        c.jwt().map(ConfigurationSummary::jwt).orElse(null),
        c.dynamoDb().map(ConfigurationSummary::dynamoDb).orElse(null));
  }

  private static Jwt jwt(JwtSettings jwt) {
    return new Jwt(
        jwt.issuers().stream().map(i -> new Issuer(i.issuer(), i.jwksUrl().toString())).toList(),
        jwt.audiences(),
        jwt.algorithms());
  }

  private static DynamoDb dynamoDb(DynamoDbSettings d) {
    return new DynamoDb(
        d.tableName(),
        d.region(),
        d.endpointOverride().map(Object::toString).orElse(null),
        d.consistentRead(),
        d.apiCallTimeout().toMillis(),
        d.apiCallAttemptTimeout().toMillis(),
        d.maxAttempts());
  }

  /** The human form: one line per setting, each role on its own line. */
  List<String> lines() {
    List<String> lines = new java.util.ArrayList<>();
    lines.add("backends:         " + String.join(",", backends));
    lines.add("rules:            " + rules);
    roles.forEach((role, grants) -> lines.add("  " + role + ": " + String.join(", ", grants)));
    if (sessionsFile != null) {
      lines.add("sessions file:    " + sessionsFile);
    }
    lines.add("token sources:    " + String.join(",", tokenSources));
    lines.add("HTTP responses:   " + httpResponses);
    lines.add(
        "resolution cache: "
            + (resolutionCache.seconds() > 0
                ? resolutionCache.seconds()
                    + " s, not found "
                    + resolutionCache.notFoundSeconds()
                    + " s, at most "
                    + resolutionCache.maxEntries()
                    + " entries"
                : "off"));
    if (jwt != null) {
      lines.add(
          "jwt:              issuers "
              + String.join(
                  ", ",
                  jwt.issuers().stream()
                      .map(i -> i.issuer() + " (keys " + i.jwksUrl() + ")")
                      .toList())
              + "; audiences "
              + String.join(",", jwt.audiences())
              + "; algorithms "
              + String.join(",", jwt.algorithms()));
    }
    if (dynamodb != null) {
      lines.add(
          "dynamodb:         table "
              + dynamodb.table()
              + " in "
              + dynamodb.region()
              + (dynamodb.endpoint() == null ? "" : " at " + dynamodb.endpoint())
              + ", "
              + (dynamodb.consistentRead() ? "strongly" : "eventually")
              + " consistent reads, "
              + dynamodb.callTimeoutMs()
              + " ms per call, "
              + dynamodb.attemptTimeoutMs()
              + " ms per attempt, "
              + dynamodb.maxAttempts()
              + " attempts");
    }
    return lines;
  }
}
