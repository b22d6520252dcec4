package dev.portcullis.bootstrap.config;

import dev.portcullis.adapters.dynamodb.DynamoDbSettings;
import dev.portcullis.adapters.jwt.JwtSettings;
import dev.portcullis.adapters.lambda.AdapterSettings;
import dev.portcullis.adapters.lambda.HttpResponseMode;
import dev.portcullis.adapters.lambda.TokenSource;
import dev.portcullis.domain.rules.AccessRules;
import java.net.URI;
import java.net.URISyntaxException;
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
 * every problem is reported at once, before the first request.
 */
public record Configuration(
    List<Backend> backends,
    AccessRules rules,
    String rulesSource,
    Optional<Path> sessionsFile,
    Optional<DynamoDbSettings> dynamoDb,
    Optional<JwtSettings> jwt,
    AdapterSettings adapter,
    CacheConfig cache) {

  /** Every variable Portcullis reads, with the AWS SDK's own that it relies on. */
  public static final Set<String> VARIABLES =
      union(
          JwtSettings.VARIABLES,
          Set.of(
              "PORTCULLIS_BACKENDS",
              "PORTCULLIS_RULES",
              "PORTCULLIS_SESSIONS_FILE",
              "PORTCULLIS_TABLE",
              "PORTCULLIS_DYNAMODB_CONSISTENT_READ",
              "PORTCULLIS_DYNAMODB_TIMEOUT_MS",
              "PORTCULLIS_DYNAMODB_ATTEMPT_TIMEOUT_MS",
              "PORTCULLIS_DYNAMODB_MAX_ATTEMPTS",
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

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new TreeSet<>(a);
    all.addAll(b);
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

  /** Collects problems while reading, so that all of them are reported together. */
  private static final class Reader {
    private final Map<String, String> env;
    private final List<String> problems = new ArrayList<>();

    Reader(Map<String, String> env) {
      this.env = env;
    }

    Configuration read() {
      unknownVariables();
      List<Backend> backends = backends();
      AccessRules rules = rules();
      Optional<Path> sessionsFile = sessionsFile(backends);
      Optional<DynamoDbSettings> dynamoDb =
          backends.contains(Backend.DYNAMODB) ? Optional.ofNullable(dynamoDb()) : Optional.empty();
      Optional<JwtSettings> jwt = jwt(backends);
      List<TokenSource> tokenSources = tokenSources();
      HttpResponseMode mode = httpResponseMode();
      CacheConfig cache = cache();
      if (!problems.isEmpty()) {
        throw new ConfigurationException(problems);
      }
      return new Configuration(
          backends,
          rules,
          ruleSourceName(),
          sessionsFile,
          dynamoDb,
          jwt,
          new AdapterSettings(tokenSources, mode),
          cache);
    }

    private void unknownVariables() {
      for (String name : new TreeSet<>(env.keySet())) {
        if (name.startsWith("PORTCULLIS_") && !VARIABLES.contains(name)) {
          problems.add(
              name
                  + " is not a Portcullis variable"
                  + closest(name).map(c -> ": did you mean " + c + "?").orElse("")
                  + " (remove it, or fix its name)");
        }
      }
    }

    private List<Backend> backends() {
      String raw = value("PORTCULLIS_BACKENDS").orElse("memory");
      Set<Backend> backends = new LinkedHashSet<>();
      for (String name : raw.split(",", -1)) {
        Optional<Backend> backend = Backend.byName(name.trim());
        if (backend.isEmpty()) {
          problems.add(
              "PORTCULLIS_BACKENDS names unknown backend '"
                  + name.trim()
                  + "': use a comma-separated list of "
                  + Backend.allowedNames());
        } else if (!backends.add(backend.get())) {
          problems.add("PORTCULLIS_BACKENDS names '" + name.trim() + "' twice: name it once");
        }
      }
      return List.copyOf(backends);
    }

    private AccessRules rules() {
      Optional<String> raw = value("PORTCULLIS_RULES");
      if (raw.isEmpty()) {
        problems.add(
            "PORTCULLIS_RULES is not set: set it to inline JSON, file:PATH or classpath:NAME, e.g."
                + " {\"roles\": {\"admin\": [\"* /*\"]}}");
        return null;
      }
      try {
        TextSource source = TextSource.resolve(raw.get());
        try {
          return RulesReader.read(source.text());
        } catch (IllegalArgumentException e) {
          for (String line : e.getMessage().split("\n")) {
            problems.add("PORTCULLIS_RULES (" + source.description() + "): " + line);
          }
        }
      } catch (IllegalArgumentException e) {
        problems.add("PORTCULLIS_RULES: " + e.getMessage());
      }
      return null;
    }

    private String ruleSourceName() {
      String raw = env.get("PORTCULLIS_RULES");
      return raw.startsWith("file:") || raw.startsWith("classpath:") ? raw : "inline JSON";
    }

    private Optional<Path> sessionsFile(List<Backend> backends) {
      Optional<String> raw = value("PORTCULLIS_SESSIONS_FILE");
      if (raw.isEmpty()) {
        return Optional.empty();
      }
      if (!backends.contains(Backend.MEMORY)) {
        problems.add(
            "PORTCULLIS_SESSIONS_FILE is set but PORTCULLIS_BACKENDS does not name 'memory': add"
                + " memory to the backends, or unset the file");
      }
      Path path = Path.of(raw.get());
      if (!Files.isReadable(path)) {
        problems.add(
            "PORTCULLIS_SESSIONS_FILE names "
                + path.toAbsolutePath()
                + ", which does not exist or cannot be read");
      }
      return Optional.of(path);
    }

    private DynamoDbSettings dynamoDb() {
      Optional<String> table = value("PORTCULLIS_TABLE");
      if (table.isEmpty()) {
        problems.add(
            "PORTCULLIS_TABLE is not set: the dynamodb backend needs the sessions table's name");
      }
      Optional<String> region = value("AWS_REGION");
      if (region.isEmpty()) {
        problems.add("AWS_REGION is not set: the dynamodb backend needs a region, e.g. us-east-1");
      }
      // Ifs, not Optional.or/flatMap: cold start, no lambda (the first costs about 8 ms).
      Optional<String> rawEndpoint = value("AWS_ENDPOINT_URL_DYNAMODB");
      if (rawEndpoint.isEmpty()) {
        rawEndpoint = value("AWS_ENDPOINT_URL");
      }
      Optional<URI> endpoint = rawEndpoint.isEmpty() ? Optional.empty() : uri(rawEndpoint.get());
      boolean consistentRead = consistentRead();
      Duration callTimeout =
          millis(
              "PORTCULLIS_DYNAMODB_TIMEOUT_MS",
              (int) DynamoDbSettings.DEFAULT_API_CALL_TIMEOUT.toMillis(),
              10,
              30_000);
      Duration attemptTimeout =
          millis(
              "PORTCULLIS_DYNAMODB_ATTEMPT_TIMEOUT_MS",
              (int) DynamoDbSettings.DEFAULT_API_CALL_ATTEMPT_TIMEOUT.toMillis(),
              10,
              30_000);
      int maxAttempts =
          integer(
              "PORTCULLIS_DYNAMODB_MAX_ATTEMPTS",
              DynamoDbSettings.DEFAULT_MAX_ATTEMPTS,
              1,
              DynamoDbSettings.MAX_ATTEMPTS_LIMIT);
      if (table.isEmpty() || region.isEmpty()) {
        return null;
      }
      if (attemptTimeout.compareTo(callTimeout) > 0) {
        problems.add(
            "PORTCULLIS_DYNAMODB_ATTEMPT_TIMEOUT_MS is larger than PORTCULLIS_DYNAMODB_TIMEOUT_MS:"
                + " one attempt cannot outlast the whole call");
        return null;
      }
      try {
        return new DynamoDbSettings(
            table.get(),
            region.get(),
            endpoint,
            consistentRead,
            callTimeout,
            attemptTimeout,
            maxAttempts);
      } catch (IllegalArgumentException e) {
        problems.add("PORTCULLIS_TABLE: " + e.getMessage());
        return null;
      }
    }

    private Optional<JwtSettings> jwt(List<Backend> backends) {
      if (!backends.contains(Backend.JWT)) {
        for (String name : new TreeSet<>(env.keySet())) {
          if (JwtSettings.VARIABLES.contains(name) && value(name).isPresent()) {
            problems.add(
                name
                    + " is set but PORTCULLIS_BACKENDS does not name 'jwt': add jwt to the"
                    + " backends, or unset it");
          }
        }
        return Optional.empty();
      }
      JwtSettings.Parsed parsed = JwtSettings.parse(env);
      problems.addAll(parsed.problems());
      return parsed instanceof JwtSettings.Parsed.Valid valid
          ? Optional.of(valid.settings())
          : Optional.empty();
    }

    private CacheConfig cache() {
      int seconds = integer("PORTCULLIS_CACHE_SECONDS", 30, 0, 3600);
      int notFound = integer("PORTCULLIS_CACHE_NOT_FOUND_SECONDS", Math.min(5, seconds), 0, 3600);
      int maxEntries = integer("PORTCULLIS_CACHE_MAX_ENTRIES", 10_000, 1, 1_000_000);
      if (notFound > seconds) {
        problems.add(
            "PORTCULLIS_CACHE_NOT_FOUND_SECONDS ("
                + notFound
                + ") is larger than PORTCULLIS_CACHE_SECONDS ("
                + seconds
                + "): keep \"not found\" for a shorter time than found sessions");
      }
      return new CacheConfig(Duration.ofSeconds(seconds), Duration.ofSeconds(notFound), maxEntries);
    }

    private Optional<URI> uri(String raw) {
      try {
        URI uri = new URI(raw);
        if (uri.getScheme() == null || uri.getHost() == null) {
          throw new URISyntaxException(raw, "no scheme or host");
        }
        return Optional.of(uri);
      } catch (URISyntaxException e) {
        problems.add(
            "AWS_ENDPOINT_URL_DYNAMODB is not a URL: use e.g. http://127.0.0.1:8000 (or unset it)");
        return Optional.empty();
      }
    }

    private Duration millis(String name, int fallback, int min, int max) {
      return Duration.ofMillis(integer(name, fallback, min, max));
    }

    // Each typed value below is parsed by its own try/catch rather than by one generic method
    // taking a parser function. Cold start: the method references that generic method took were
    // the first lambdas of the process, and the first one costs about 8 ms (docs/performance.md).

    private List<TokenSource> tokenSources() {
      String name = "PORTCULLIS_TOKEN_SOURCES";
      String fallback = "header:Authorization";
      try {
        return TokenSource.parseList(value(name).orElse(fallback));
      } catch (IllegalArgumentException e) {
        invalid(name, e, "e.g. header:Authorization,cookie:session,query:access_token");
        return TokenSource.parseList(fallback);
      }
    }

    private HttpResponseMode httpResponseMode() {
      String name = "PORTCULLIS_HTTP_RESPONSE";
      try {
        return HttpResponseMode.parse(value(name).orElse("iam"));
      } catch (IllegalArgumentException e) {
        invalid(name, e, "use iam or simple");
        return HttpResponseMode.IAM;
      }
    }

    private boolean consistentRead() {
      String name = "PORTCULLIS_DYNAMODB_CONSISTENT_READ";
      try {
        return bool(value(name).orElse(Boolean.toString(DynamoDbSettings.DEFAULT_CONSISTENT_READ)));
      } catch (IllegalArgumentException e) {
        invalid(name, e, "use true (strongly consistent) or false (eventually consistent)");
        return DynamoDbSettings.DEFAULT_CONSISTENT_READ;
      }
    }

    private int integer(String name, int fallback, int min, int max) {
      Optional<String> raw = value(name);
      if (raw.isEmpty()) {
        return fallback;
      }
      try {
        int n = Integer.parseInt(raw.get());
        if (n < min || n > max) {
          throw new IllegalArgumentException("out of range");
        }
        return n;
      } catch (IllegalArgumentException e) {
        invalid(name, e, "use a whole number from " + min + " to " + max);
        return fallback;
      }
    }

    /** Reports a value that does not parse, with the parser's reason when it gave a useful one. */
    private void invalid(String name, IllegalArgumentException e, String howToFix) {
      String detail =
          e instanceof NumberFormatException || e.getMessage() == null
              ? ""
              : " (" + e.getMessage() + ")";
      problems.add(name + " has an invalid value" + detail + ": " + howToFix);
    }

    private static boolean bool(String raw) {
      if (raw.equals("true") || raw.equals("false")) {
        return Boolean.parseBoolean(raw);
      }
      throw new IllegalArgumentException("not true or false");
    }

    /** The variable's value without surrounding blanks, or empty when unset or blank. */
    private Optional<String> value(String name) {
      // Ifs, not Optional.map/filter: cold start, no lambda (the first costs about 8 ms).
      String raw = env.get(name);
      if (raw == null) {
        return Optional.empty();
      }
      String trimmed = raw.trim();
      return trimmed.isEmpty() ? Optional.empty() : Optional.of(trimmed);
    }

    private static Optional<String> closest(String name) {
      String best = null;
      int bestDistance = 4;
      for (String known : VARIABLES) {
        int d = distance(name, known);
        if (d < bestDistance) {
          best = known;
          bestDistance = d;
        }
      }
      return Optional.ofNullable(best);
    }

    private static int distance(String a, String b) {
      int[] previous = new int[b.length() + 1];
      int[] current = new int[b.length() + 1];
      for (int j = 0; j <= b.length(); j++) {
        previous[j] = j;
      }
      for (int i = 1; i <= a.length(); i++) {
        current[0] = i;
        for (int j = 1; j <= b.length(); j++) {
          int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
          current[j] =
              Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
        }
        int[] swap = previous;
        previous = current;
        current = swap;
      }
      return previous[b.length()];
    }
  }
}
