package dev.portcullis.domain.policy;

import dev.portcullis.domain.model.Identity;
import dev.portcullis.domain.model.RouteTarget;
import dev.portcullis.domain.rules.AccessRules;
import dev.portcullis.domain.rules.AppliedGrants;
import dev.portcullis.domain.rules.PathVariables;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A bounded cache of the policies {@link PolicyBuilder} builds, one per identity shape: its roles
 * and the values their grants fill in.
 */
public final class PolicyCache {

  private final AccessRules rules;
  private final int maxEntries;
  private final Map<Key, IdentityPolicy> entries = new ConcurrentHashMap<>();

  /**
   * A cache of the policies these rules give. The rules are fixed for the cache's life: a policy
   * depends on nothing else than the rules and the key's parts.
   */
  public PolicyCache(AccessRules rules, int maxEntries) {
    this.rules = Objects.requireNonNull(rules, "rules");
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries must be at least 1, got " + maxEntries);
    }
    this.maxEntries = maxEntries;
  }

  /**
   * The policy of this identity on the target's API and stage, the same as {@code
   * PolicyBuilder.build(rules.applyTo(roles, identity).grants(), target)}: that policy depends only
   * on the roles, the values their grants fill in, and the target's partition, region, account, API
   * id and stage, never on the route, so those are the key. Two identities with the same roles but
   * different values never share an entry.
   */
  public IdentityPolicy policyFor(Identity identity, RouteTarget target) {
    Set<String> roles = identity.roles();
    Key key = Key.of(roles, values(roles, identity), target);
    IdentityPolicy cached = entries.get(key);
    if (cached != null) {
      return cached;
    }
    AppliedGrants applied = rules.applyTo(roles, identity);
    IdentityPolicy built =
        new IdentityPolicy(PolicyBuilder.build(applied.grants(), target), applied.dropped());
    if (entries.size() >= maxEntries) {
      // Simpler than an eviction order, and a stage has few identity shapes: when a flood of them
      // fills the cache, every call still gets a policy built for it, as without a cache.
      entries.clear();
    }
    entries.put(key, built);
    return built;
  }

  /**
   * The identity's values for the variables these roles' grants name; a missing one is left out,
   * which tells it apart from every value it could have.
   */
  private Map<String, String> values(Set<String> roles, Identity identity) {
    Set<String> names = rules.variablesOf(roles);
    return names.isEmpty() ? Map.of() : PathVariables.valuesOf(names, identity);
  }

  /** How many policies are held now. */
  int size() {
    return entries.size();
  }

  /**
   * Everything {@link PolicyBuilder#build} reads: the roles (through the grants), the values the
   * grants fill in, and the parts of the API and stage prefix.
   */
  private record Key(
      Set<String> roles,
      Map<String, String> values,
      String partition,
      String region,
      String account,
      String apiId,
      String stage) {

    static Key of(Set<String> roles, Map<String, String> values, RouteTarget target) {
      return new Key(
          roles,
          Map.copyOf(values),
          target.partition(),
          target.region(),
          target.account(),
          target.apiId(),
          target.stage());
    }
  }
}
