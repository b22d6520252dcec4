package dev.portcullis.bootstrap.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one reader of settings, environment variables and {@code serve}'s options alike: typed
 * getters that fall back to a default and collect every problem, so that all of them are reported
 * together, each naming its setting and how to fix it.
 */
public final class SettingsReader {

  private final Map<String, String> values;
  private final boolean quoteValues;
  private final List<String> problems = new ArrayList<>();

  private SettingsReader(Map<String, String> values, boolean quoteValues) {
    this.values = Map.copyOf(values);
    this.quoteValues = quoteValues;
  }

  /**
   * A reader of environment variables. A problem never repeats a variable's value, which may be a
   * secret.
   */
  public static SettingsReader environment(Map<String, String> env) {
    return new SettingsReader(env, false);
  }

  /** A reader of command-line options, keyed by their names ({@code --port}); problems quote. */
  public static SettingsReader options(Map<String, String> options) {
    return new SettingsReader(options, true);
  }

  /** The value without surrounding blanks, or empty when unset or blank. */
  public Optional<String> string(String name) {
    String raw = values.get(name);
    if (raw == null || raw.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(raw.trim());
  }

  /** The value as it was given, blanks included, or empty when unset. */
  public Optional<String> raw(String name) {
    return Optional.ofNullable(values.get(name));
  }

  /** True when the setting is given, with a value that is not blank. */
  public boolean isSet(String name) {
    return string(name).isPresent();
  }

  /** A whole number from {@code min} to {@code max}; the fallback when unset or invalid. */
  public int integer(String name, int fallback, int min, int max) {
    Optional<String> raw = string(name);
    if (raw.isEmpty()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(raw.get());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    invalid(name, raw.get(), "use a whole number from " + min + " to " + max);
    return fallback;
  }

  /** {@code true} or {@code false}. */
  public boolean bool(String name, boolean fallback, String howToFix) {
    Optional<String> raw = string(name);
    if (raw.isEmpty()) {
      return fallback;
    }
    if (raw.get().equals("true") || raw.get().equals("false")) {
      return Boolean.parseBoolean(raw.get());
    }
    invalid(name, raw.get(), howToFix);
    return fallback;
  }

  /** A comma-separated list without blank entries, or empty when unset or blank. */
  public Optional<List<String>> list(String name) {
    Optional<String> raw = string(name);
    if (raw.isEmpty()) {
      return Optional.empty();
    }
    List<String> entries = new ArrayList<>();
    for (String entry : raw.get().split(",", -1)) {
      if (entry.isBlank()) {
        problem(name + " holds an empty entry: remove the extra comma");
      } else {
        entries.add(entry.trim());
      }
    }
    return Optional.of(entries);
  }

  /** An absolute URL with a scheme and a host; empty when unset or invalid. */
  public Optional<URI> url(String name, String howToFix) {
    Optional<String> raw = string(name);
    if (raw.isEmpty()) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(raw.get());
      if (uri.getScheme() != null && uri.getHost() != null) {
        return Optional.of(uri);
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    invalid(name, raw.get(), howToFix);
    return Optional.empty();
  }

  /**
   * A value that {@code parser} reads, which throws {@link IllegalArgumentException} for a value it
   * refuses; its message, when it has one, is added to the problem.
   */
  public <T> T parsed(String name, String fallback, Function<String, T> parser, String howToFix) {
    String raw = string(name).orElse(fallback);
    try {
      return parser.apply(raw);
    } catch (IllegalArgumentException e) {
      String detail =
          e instanceof NumberFormatException || e.getMessage() == null
              ? ""
              : " (" + e.getMessage() + ")";
      invalid(name, raw, detail, howToFix);
      return parser.apply(fallback);
    }
  }

  /** Records a problem found by the caller, in its own words. */
  public void problem(String problem) {
    problems.add(problem);
  }

  /** Every problem found so far, in the order found. */
  public List<String> problems() {
    return List.copyOf(problems);
  }

  private void invalid(String name, String raw, String howToFix) {
    invalid(name, raw, "", howToFix);
  }

  private void invalid(String name, String raw, String detail, String howToFix) {
    problems.add(
        quoteValues
            ? name + " '" + raw + "' is invalid" + detail + ": " + howToFix
            : name + " has an invalid value" + detail + ": " + howToFix);
  }
}
