package dev.portcullis.domain.policy;

import dev.portcullis.domain.model.RouteTarget;
import dev.portcullis.domain.rules.AccessRules;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A bounded cache of the policies {@link PolicyBuilder} builds, one per identity shape. */
public final class PolicyCache {

  private final AccessRules rules;
  private final int maxEntries;
  private final Map<Key, PolicyDocument> entries = new ConcurrentHashMap<>();

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
   * The policy of these roles on the target's API and stage, the same as {@code
   * PolicyBuilder.build(rules.grantsFor(roles), target)}: that policy depends only on the roles,
   * the target's partition, region, account, API id and stage, never on the route, so those are the
   * key.
   */
  public PolicyDocument policyFor(Set<String> roles, RouteTarget target) {
    Key probe = Key.of(roles, target);
    PolicyDocument cached = entries.get(probe);
    if (cached != null) {
      return cached;
    }
    // The policy is built from, and filed under, one immutable copy of the roles, so a caller that
    // changes its set meanwhile or afterwards cannot make the entry disagree with its key.
    Set<String> copy = Set.copyOf(roles);
    PolicyDocument built = PolicyBuilder.build(rules.grantsFor(copy), target);
    Key stored = Key.of(copy, target);
    if (entries.size() >= maxEntries) {
      // Simpler than an eviction order, and a stage has few identity shapes: when a flood of them
      // fills the cache, every call still gets a policy built for it, as without a cache.
      entries.clear();
    }
    entries.put(stored, built);
    return built;
  }

  /** How many policies are held now. */
  int size() {
    return entries.size();
  }

  /**
   * Everything {@link PolicyBuilder#build} reads: the roles (through the grants) and the parts of
   * the API and stage prefix.
   */
  private record Key(
      Set<String> roles,
      String partition,
      String region,
      String account,
      String apiId,
      String stage) {

    static Key of(Set<String> roles, RouteTarget target) {
      return new Key(
          roles,
          target.partition(),
          target.region(),
          target.account(),
          target.apiId(),
          target.stage());
    }
  }
}
