package dev.portcullis.bootstrap.config;

import dev.portcullis.adapters.dynamodb.DynamoDbSettings;
import dev.portcullis.adapters.jwt.JwtSettings;
import dev.portcullis.adapters.lambda.AdapterSettings;
import dev.portcullis.adapters.lambda.HttpResponseMode;
import dev.portcullis.adapters.lambda.TokenSource;
import dev.portcullis.domain.rules.AccessRules;
import dev.portcullis.domain.rules.Grant;
import dev.portcullis.domain.rules.PathVariables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Reads {@link Configuration} from the environment through one {@link SettingsReader}, so that all
 * problems are reported together.
 */
final class ConfigurationReader {
  private final Map<String, String> env;
  private final SettingsReader settings;
  private final List<UnusedSetting> unused = new ArrayList<>();

  ConfigurationReader(Map<String, String> env) {
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
    List<String> scopeWarnings = rules == null ? List.of() : scopedGrants(rules, backends, jwt);
    List<String> problems = settings.problems();
    if (!problems.isEmpty()) {
      throw new ConfigurationException(problems);
    }
    List<String> warnings =
        Stream.concat(
                unused.stream().map(UnusedSetting::message),
                Stream.concat(
                    rules.warnings().stream().map(warning -> "PORTCULLIS_RULES: " + warning),
                    scopeWarnings.stream()))
            .toList();
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

  /**
   * Checks that some configured backend can supply each attribute a grant fills in. JWT claims
   * reach an identity only where PORTCULLIS_JWT_CONTEXT_CLAIMS maps them, so a chain of JWT alone
   * that maps none for a grant's attribute is a problem: the grant could never apply. Seed and
   * session attributes are open-ended, so beside a session backend an unmapped claim only means
   * that JWT callers never get the grant, which is a warning.
   *
   * @return the warnings; the problems go to the settings
   */
  private List<String> scopedGrants(
      AccessRules rules, List<Backend> backends, Optional<JwtSettings> jwt) {
    Set<String> mapped = new TreeSet<>();
    jwt.ifPresent(j -> j.contextClaims().forEach(claim -> mapped.add(claim.attribute())));
    boolean sessions = backends.contains(Backend.MEMORY) || backends.contains(Backend.DYNAMODB);
    List<String> warnings = new ArrayList<>();
    if (jwt.isEmpty()) {
      return warnings;
    }
    for (Map.Entry<String, List<Grant>> role : new TreeMap<>(rules.asMap()).entrySet()) {
      for (Grant grant : role.getValue()) {
        for (String name : grant.variables()) {
          if (name.equals(PathVariables.PRINCIPAL_ID) || mapped.contains(name)) {
            continue;
          }
          String message =
              "PORTCULLIS_RULES: role '"
                  + role.getKey()
                  + "': grant '"
                  + grant
                  + "' names attribute '"
                  + name
                  + "', which no JWT claim is mapped to: add "
                  + name
                  + "=CLAIM to PORTCULLIS_JWT_CONTEXT_CLAIMS";
          if (sessions) {
            warnings.add(message + ", or JWT callers never get it");
          } else {
            settings.problem(message + ", or no configured backend supplies it");
          }
        }
      }
    }
    return warnings;
  }

  private void unknownVariables() {
    for (String name : new TreeSet<>(env.keySet())) {
      if (name.startsWith("PORTCULLIS_") && !Configuration.VARIABLES.contains(name)) {
        settings.problem(
            name
                + " is not a Portcullis variable"
                + Suggestions.closest(name, Configuration.VARIABLES)
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
        e.getMessage()
            .lines()
            .forEach(
                line ->
                    settings.problem("PORTCULLIS_RULES (" + source.description() + "): " + line));
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
      unusedVariables(Backend.DYNAMODB, DynamoDbVariables.NAMES);
      return Optional.empty();
    }
    return DynamoDbVariables.read(settings);
  }

  private Optional<JwtSettings> jwt(List<Backend> backends) {
    if (!backends.contains(Backend.JWT)) {
      unusedVariables(Backend.JWT, JwtVariables.NAMES);
      return Optional.empty();
    }
    return new JwtVariables(settings).read();
  }

  /** Each of {@code names} that is set, for a backend the chain does not name, is unused. */
  private void unusedVariables(Backend backend, Set<String> names) {
    new TreeSet<>(names)
        .stream()
            .filter(settings::isSet)
            .forEach(name -> unused.add(new UnusedSetting(name, backend)));
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
