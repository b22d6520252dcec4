package dev.portcullis.bootstrap.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A command's arguments: {@code --name value} options (repeatable where allowed), {@code --flag}
 * switches and positional words. Hand-written: a parser library would add classes to every cold
 * start of the jar for a dozen options.
 */
final class Options {

  private final Map<String, List<String>> values = new LinkedHashMap<>();
  private final List<String> positional = new ArrayList<>();

  private Options() {}

  /**
   * Parses {@code args}.
   *
   * @param valued options that take a value
   * @param flags options that take none
   * @throws UsageException for an unknown option or a missing value
   */
  static Options parse(List<String> args, Set<String> valued, Set<String> flags) {
    Options options = new Options();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (!arg.startsWith("--")) {
        options.positional.add(arg);
        continue;
      }
      String name = arg.substring(2);
      String inline = null;
      int equals = name.indexOf('=');
      if (equals >= 0) {
        inline = name.substring(equals + 1);
        name = name.substring(0, equals);
      }
      if (flags.contains(name) && inline == null) {
        options.values.computeIfAbsent(name, k -> new ArrayList<>()).add("true");
      } else if (valued.contains(name)) {
        String value = inline;
        if (value == null) {
          if (i + 1 >= args.size()) {
            throw new UsageException("--" + name + " needs a value");
          }
          value = args.get(++i);
        }
        options.values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
      } else {
        throw new UsageException("unknown option --" + name);
      }
    }
    return options;
  }

  Optional<String> value(String name) {
    List<String> list = values.get(name);
    if (list == null) {
      return Optional.empty();
    }
    if (list.size() > 1) {
      throw new UsageException("--" + name + " is given more than once");
    }
    return Optional.of(list.get(0));
  }

  String required(String name) {
    return value(name).orElseThrow(() -> new UsageException("--" + name + " is required"));
  }

  List<String> all(String name) {
    return values.getOrDefault(name, List.of());
  }

  boolean flag(String name) {
    return values.containsKey(name);
  }

  List<String> positional() {
    return positional;
  }

  /** Parses {@code 90s}, {@code 30m}, {@code 8h} or {@code 7d}. */
  static Duration duration(String option, String text) {
    if (text.length() >= 2) {
      char unit = text.charAt(text.length() - 1);
      try {
        long amount = Long.parseLong(text.substring(0, text.length() - 1));
        if (amount > 0) {
          switch (unit) {
            case 's':
              return Duration.ofSeconds(amount);
            case 'm':
              return Duration.ofMinutes(amount);
            case 'h':
              return Duration.ofHours(amount);
            case 'd':
              return Duration.ofDays(amount);
            default:
              break;
          }
        }
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    throw new UsageException(
        "--" + option + " '" + text + "' is not a positive duration such as 90s, 30m, 8h or 7d");
  }
}
