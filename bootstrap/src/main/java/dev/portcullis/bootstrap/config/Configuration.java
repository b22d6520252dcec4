package dev.portcullis.bootstrap.config;

import dev.portcullis.adapters.dynamodb.DynamoDbSettings;
import dev.portcullis.adapters.jwt.JwtSettings;
import dev.portcullis.adapters.lambda.AdapterSettings;
import dev.portcullis.domain.rules.AccessRules;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Everything Portcullis is configured with, read once from the environment and checked as a whole:
 * every problem is reported at once, before the first request. What is odd but harmless (a variable
 * for a backend the chain does not name, roles that together could outgrow an answer) is kept as a
 * warning.
 */
public record Configuration(
    List<Backend> backends,
    AccessRules rules,
    String rulesSource,
    Optional<Path> sessionsFile,
    Optional<DynamoDbSettings> dynamoDb,
    Optional<JwtSettings> jwt,
    AdapterSettings adapter,
    CacheConfig cache,
    List<UnusedSetting> unusedSettings,
    List<String> warnings) {

  /** Every variable Portcullis reads, with the AWS SDK's own that it relies on. */
  public static final Set<String> VARIABLES =
      Stream.of(
              JwtVariables.NAMES,
              DynamoDbVariables.NAMES,
              Set.of(
                  "PORTCULLIS_BACKENDS",
                  "PORTCULLIS_RULES",
                  "PORTCULLIS_SESSIONS_FILE",
                  "PORTCULLIS_TOKEN_SOURCES",
                  "PORTCULLIS_HTTP_RESPONSE",
                  "PORTCULLIS_CACHE_SECONDS",
                  "PORTCULLIS_CACHE_NOT_FOUND_SECONDS",
                  "PORTCULLIS_CACHE_MAX_ENTRIES",
                  "AWS_REGION",
                  "AWS_ENDPOINT_URL_DYNAMODB",
                  "AWS_ENDPOINT_URL"))
          .flatMap(Set::stream)
          .collect(Collectors.toUnmodifiableSet());

  /** The variables that must be set whatever the backends. */
  public static final Set<String> REQUIRED = Set.of("PORTCULLIS_RULES");

  public Configuration {
    backends = List.copyOf(backends);
    unusedSettings = List.copyOf(unusedSettings);
    warnings = List.copyOf(warnings);
  }

  /**
   * Reads and checks the configuration.
   *
   * @throws ConfigurationException naming every problem and how to fix it
   */
  public static Configuration fromEnvironment(Map<String, String> env) {
    return new ConfigurationReader(env).read();
  }
}
