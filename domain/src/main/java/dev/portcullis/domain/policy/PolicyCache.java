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
    Key probe = new Key(roles, target);
    PolicyDocument cached = entries.get(probe);
    if (cached != null) {
      return cached;
    }
    // The policy is built from, and filed under, one immutable copy of the roles, so a caller that
    // changes its set meanwhile or afterwards cannot make the entry disagree with its key.
    Set<String> copy = Set.copyOf(roles);
    PolicyDocument built = PolicyBuilder.build(rules.grantsFor(copy), target);
    Key stored = new Key(copy, target);
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
   * the API and stage prefix. Hand-written rather than a record: a record's generated equals and
   * hashCode bootstrap through ObjectMethods, about 45 ms of cold start.
   */
  private static final class Key {
    private final Set<String> roles;
    private final String partition;
    private final String region;
    private final String account;
    private final String apiId;
    private final String stage;
    private final int hash;

    Key(Set<String> roles, RouteTarget target) {
      this.roles = roles;
      this.partition = target.partition();
      this.region = target.region();
      this.account = target.account();
      this.apiId = target.apiId();
      this.stage = target.stage();
      int h = roles.hashCode();
      h = 31 * h + partition.hashCode();
      h = 31 * h + region.hashCode();
      h = 31 * h + account.hashCode();
      h = 31 * h + apiId.hashCode();
      this.hash = 31 * h + stage.hashCode();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key other
          && hash == other.hash
          && stage.equals(other.stage)
          && apiId.equals(other.apiId)
          && account.equals(other.account)
          && region.equals(other.region)
          && partition.equals(other.partition)
          && roles.equals(other.roles);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }
}
