package dev.portcullis.bootstrap.config;

import dev.portcullis.adapters.dynamodb.DynamoDbSettings;
import dev.portcullis.adapters.jwt.JwtSettings;
import dev.portcullis.adapters.lambda.AdapterSettings;
import dev.portcullis.adapters.lambda.HttpResponseMode;
import dev.portcullis.adapters.lambda.TokenSource;
import dev.portcullis.domain.rules.AccessRules;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

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

  /** The variables of the dynamodb backend, besides the AWS SDK's own. */
  static final Set<String> DYNAMODB_VARIABLES =
      Set.of(
          "PORTCULLIS_TABLE",
          "PORTCULLIS_DYNAMODB_CONSISTENT_READ",
          "PORTCULLIS_DYNAMODB_TIMEOUT_MS",
          "PORTCULLIS_DYNAMODB_ATTEMPT_TIMEOUT_MS",
          "PORTCULLIS_DYNAMODB_MAX_ATTEMPTS");

  /** Every variable Portcullis reads, with the AWS SDK's own that it relies on. */
  public static final Set<String> VARIABLES =
      union(
          JwtVariables.NAMES,
          DYNAMODB_VARIABLES,
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
              "AWS_ENDPOINT_URL"));

  /** The variables that must be set whatever the backends. */
  public static final Set<String> REQUIRED = Set.of("PORTCULLIS_RULES");

  public Configuration {
    backends = List.copyOf(backends);
    unusedSettings = List.copyOf(unusedSettings);
    warnings = List.copyOf(warnings);
  }

  @SafeVarargs
  private static Set<String> union(Set<String>... sets) {
    Set<String> all = new TreeSet<>();
    for (Set<String> set : sets) {
      all.addAll(set);
    }
    return Set.copyOf(all);
  }

  /**
   * Reads and checks the configuration.
   *
   * @throws ConfigurationException naming every problem and how to fix it
   */
  public static Configuration fromEnvironment(Map<String, String> env) {
    return new Reader(env).read();
  }

  /** Reads through one {@link SettingsReader}, so that all problems are reported together. */
  private static final class Reader {
    private final Map<String, String> env;
    private final SettingsReader settings;
    private final List<UnusedSetting> unused = new ArrayList<>();

    Reader(Map<String, String> env) {
      this.env = env;
      this.settings = SettingsReader.environment(env);
    }

    Configuration read() {
      unknownVariables();
      List<Backend> backends = backends();
      AccessRules rules = rules();
      Optional<Path> sessionsFile = sessionsFile(backends);
      Optional<DynamoDbSettings> dynamoDb = dynamoDb(backends);
      Optional<JwtSettings> jwt = jwt(backends);
      List<TokenSource> tokenSources =
          settings.parsed(
              "PORTCULLIS_TOKEN_SOURCES",
              "header:Authorization",
              TokenSource::parseList,
              "e.g. header:Authorization,cookie:session,query:access_token");
      HttpResponseMode mode =
          settings.parsed(
              "PORTCULLIS_HTTP_RESPONSE", "iam", HttpResponseMode::parse, "use iam or simple");
      CacheConfig cache = cache();
      List<String> problems = settings.problems();
      if (!problems.isEmpty()) {
        throw new ConfigurationException(problems);
      }
      List<String> warnings = new ArrayList<>();
      unused.forEach(u -> warnings.add(u.message()));
      rules.warnings().forEach(w -> warnings.add("PORTCULLIS_RULES: " + w));
      return new Configuration(
          backends,
          rules,
          ruleSourceName(),
          sessionsFile,
          dynamoDb,
          jwt,
          new AdapterSettings(tokenSources, mode),
          cache,
          unused,
          warnings);
    }

    private void unknownVariables() {
      for (String name : new TreeSet<>(env.keySet())) {
        if (name.startsWith("PORTCULLIS_") && !VARIABLES.contains(name)) {
          settings.problem(
              name
                  + " is not a Portcullis variable"
                  + Suggestions.closest(name, VARIABLES)
                      .map(c -> ": did you mean " + c + "?")
                      .orElse("")
                  + " (remove it, or fix its name)");
        }
      }
    }

    private List<Backend> backends() {
      Set<Backend> backends = new LinkedHashSet<>();
      for (String name : settings.string("PORTCULLIS_BACKENDS").orElse("memory").split(",", -1)) {
        Optional<Backend> backend = Backend.byName(name.trim());
        if (backend.isEmpty()) {
          settings.problem(
              "PORTCULLIS_BACKENDS names unknown backend '"
                  + name.trim()
                  + "': use a comma-separated list of "
                  + Backend.allowedNames());
        } else if (!backends.add(backend.get())) {
          settings.problem("PORTCULLIS_BACKENDS names '" + name.trim() + "' twice: name it once");
        }
      }
      return List.copyOf(backends);
    }

    private AccessRules rules() {
      Optional<String> raw = settings.string("PORTCULLIS_RULES");
      if (raw.isEmpty()) {
        settings.problem(
            "PORTCULLIS_RULES is not set: set it to inline JSON, file:PATH or classpath:NAME, e.g."
                + " {\"roles\": {\"admin\": [\"* /*\"]}}");
        return null;
      }
      if (looksLikeAPath(raw.get())) {
        settings.problem(
            "PORTCULLIS_RULES is not JSON but names a file: did you mean file:" + raw.get() + "?");
        return null;
      }
      try {
        TextSource source = TextSource.resolve(raw.get());
        try {
          return RulesReader.read(source.text());
        } catch (IllegalArgumentException e) {
          for (String line : e.getMessage().split("\n")) {
            settings.problem("PORTCULLIS_RULES (" + source.description() + "): " + line);
          }
        }
      } catch (IllegalArgumentException e) {
        settings.problem("PORTCULLIS_RULES: " + e.getMessage());
      }
      return null;
    }

    /** Inline rules are a JSON object; a value that is not, but names a file, lacks its prefix. */
    private static boolean looksLikeAPath(String value) {
      if (value.startsWith("{") || value.startsWith("file:") || value.startsWith("classpath:")) {
        return false;
      }
      try {
        return Files.isRegularFile(Path.of(value));
      } catch (RuntimeException e) {
        return false;
      }
    }

    private String ruleSourceName() {
      String raw = settings.string("PORTCULLIS_RULES").orElse("");
      return raw.startsWith("file:") || raw.startsWith("classpath:") ? raw : "inline JSON";
    }

    private Optional<Path> sessionsFile(List<Backend> backends) {
      Optional<String> raw = settings.string("PORTCULLIS_SESSIONS_FILE");
      if (raw.isEmpty()) {
        return Optional.empty();
      }
      if (!backends.contains(Backend.MEMORY)) {
        unused.add(new UnusedSetting("PORTCULLIS_SESSIONS_FILE", Backend.MEMORY));
        return Optional.empty();
      }
      Path path = Path.of(raw.get());
      if (!Files.isReadable(path)) {
        settings.problem(
            "PORTCULLIS_SESSIONS_FILE names "
                + path.toAbsolutePath()
                + ", which does not exist or cannot be read");
      }
      return Optional.of(path);
    }

    private Optional<DynamoDbSettings> dynamoDb(List<Backend> backends) {
      if (!backends.contains(Backend.DYNAMODB)) {
        for (String name : new TreeSet<>(DYNAMODB_VARIABLES)) {
          if (settings.isSet(name)) {
            unused.add(new UnusedSetting(name, Backend.DYNAMODB));
          }
        }
        return Optional.empty();
      }
      Optional<String> table = settings.string("PORTCULLIS_TABLE");
      if (table.isEmpty()) {
        settings.problem(
            "PORTCULLIS_TABLE is not set: the dynamodb backend needs the sessions table's name");
      }
      Optional<String> region = settings.string("AWS_REGION");
      if (region.isEmpty()) {
        settings.problem(
            "AWS_REGION is not set: the dynamodb backend needs a region, e.g. us-east-1");
      }
      String endpointVariable =
          settings.isSet("AWS_ENDPOINT_URL_DYNAMODB")
              ? "AWS_ENDPOINT_URL_DYNAMODB"
              : "AWS_ENDPOINT_URL";
      Optional<URI> endpoint =
          settings.url(endpointVariable, "use e.g. http://127.0.0.1:8000 (or unset it)");
      boolean consistentRead =
          settings.bool(
              "PORTCULLIS_DYNAMODB_CONSISTENT_READ",
              DynamoDbSettings.DEFAULT_CONSISTENT_READ,
              "use true (strongly consistent) or false (eventually consistent)");
      Duration callTimeout =
          Duration.ofMillis(
              settings.integer(
                  "PORTCULLIS_DYNAMODB_TIMEOUT_MS",
                  (int) DynamoDbSettings.DEFAULT_API_CALL_TIMEOUT.toMillis(),
                  10,
                  30_000));
      Duration attemptTimeout =
          Duration.ofMillis(
              settings.integer(
                  "PORTCULLIS_DYNAMODB_ATTEMPT_TIMEOUT_MS",
                  (int) DynamoDbSettings.DEFAULT_API_CALL_ATTEMPT_TIMEOUT.toMillis(),
                  10,
                  30_000));
      int maxAttempts =
          settings.integer(
              "PORTCULLIS_DYNAMODB_MAX_ATTEMPTS",
              DynamoDbSettings.DEFAULT_MAX_ATTEMPTS,
              1,
              DynamoDbSettings.MAX_ATTEMPTS_LIMIT);
      if (table.isEmpty() || region.isEmpty()) {
        return Optional.empty();
      }
      if (attemptTimeout.compareTo(callTimeout) > 0) {
        settings.problem(
            "PORTCULLIS_DYNAMODB_ATTEMPT_TIMEOUT_MS is larger than PORTCULLIS_DYNAMODB_TIMEOUT_MS:"
                + " one attempt cannot outlast the whole call");
        return Optional.empty();
      }
      try {
        return Optional.of(
            new DynamoDbSettings(
                table.get(),
                region.get(),
                endpoint,
                consistentRead,
                callTimeout,
                attemptTimeout,
                maxAttempts));
      } catch (IllegalArgumentException e) {
        settings.problem("PORTCULLIS_TABLE: " + e.getMessage());
        return Optional.empty();
      }
    }

    private Optional<JwtSettings> jwt(List<Backend> backends) {
      if (!backends.contains(Backend.JWT)) {
        for (String name : new TreeSet<>(JwtVariables.NAMES)) {
          if (settings.isSet(name)) {
            unused.add(new UnusedSetting(name, Backend.JWT));
          }
        }
        return Optional.empty();
      }
      return new JwtVariables(settings).read();
    }

    private CacheConfig cache() {
      int seconds = settings.integer("PORTCULLIS_CACHE_SECONDS", 30, 0, 3600);
      int notFound =
          settings.integer("PORTCULLIS_CACHE_NOT_FOUND_SECONDS", Math.min(5, seconds), 0, 3600);
      int maxEntries = settings.integer("PORTCULLIS_CACHE_MAX_ENTRIES", 10_000, 1, 1_000_000);
      if (notFound > seconds) {
        settings.problem(
            "PORTCULLIS_CACHE_NOT_FOUND_SECONDS ("
                + notFound
                + ") is larger than PORTCULLIS_CACHE_SECONDS ("
                + seconds
                + "): keep \"not found\" for a shorter time than found sessions");
      }
      return new CacheConfig(Duration.ofSeconds(seconds), Duration.ofSeconds(notFound), maxEntries);
    }
  }
}
