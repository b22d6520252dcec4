package dev.portcullis.bootstrap.template;

import dev.portcullis.bootstrap.config.Configuration;
import dev.portcullis.bootstrap.config.ConfigurationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Every value of {@code PORTCULLIS_BACKENDS} that Portcullis accepts, asked of its reader. */
final class BackendChains {

  private static final List<String> NAMES = List.of("memory", "dynamodb", "jwt");

  /** Each ordering of each non-empty subset of the backends that the configuration accepts. */
  static final Set<String> ALL = accepted();

  private BackendChains() {}

  private static Set<String> accepted() {
    Set<String> chains = new TreeSet<>();
    for (String chain : orderings(new ArrayList<>(), NAMES)) {
      if (acceptsBackends(chain)) {
        chains.add(chain);
      }
    }
    return Set.copyOf(chains);
  }

  private static List<String> orderings(List<String> prefix, List<String> rest) {
    List<String> all = new ArrayList<>();
    if (!prefix.isEmpty()) {
      all.add(String.join(",", prefix));
    }
    for (String name : rest) {
      List<String> longer = new ArrayList<>(prefix);
      longer.add(name);
      List<String> remaining = new ArrayList<>(rest);
      remaining.remove(name);
      all.addAll(orderings(longer, remaining));
    }
    return all;
  }

  /** True when the configuration has no problem with this chain itself. */
  private static boolean acceptsBackends(String chain) {
    try {
      Configuration.fromEnvironment(
          Map.of(
              "PORTCULLIS_RULES", "{\"roles\": {}}",
              "PORTCULLIS_BACKENDS", chain,
              "PORTCULLIS_TABLE", "sessions",
              "AWS_REGION", "eu-west-1",
              "PORTCULLIS_JWT_ISSUER", "https://issuer.example.com/",
              "PORTCULLIS_JWT_AUDIENCE", "api"));
      return true;
    } catch (ConfigurationException e) {
      return e.problems().stream().noneMatch(p -> p.startsWith("PORTCULLIS_BACKENDS"));
    }
  }
}
