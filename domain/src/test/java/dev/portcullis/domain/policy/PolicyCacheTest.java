package dev.portcullis.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.portcullis.domain.model.Identity;
import dev.portcullis.domain.model.RouteTarget;
import dev.portcullis.domain.rules.AccessRules;
import dev.portcullis.domain.testing.Policies;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Tests that a cached policy is always the one {@link PolicyBuilder} would build for the call. */
class PolicyCacheTest {

  private static final AccessRules RULES =
      AccessRules.of(
          Map.of(
              "admin", List.of("* /*", "$connect"),
              "reader", List.of("GET /orders", "GET /orders/*", "$connect"),
              "writer", List.of("POST /orders", "DELETE /orders/*"),
              "chatter", List.of("$connect", "send.msg"),
              "*", List.of("GET /health")));

  private static final AccessRules NO_DEFAULT_GRANTS =
      AccessRules.of(Map.of("reader", List.of("GET /orders/*")));

  private static final List<String> PARTITIONS = List.of("aws", "aws-cn", "aws-us-gov");
  private static final List<String> REGIONS = List.of("us-east-1", "eu-west-3", "cn-north-1");
  private static final List<String> ACCOUNTS = List.of("123456789012", "210987654321");
  private static final List<String> APIS = List.of("abcdef1234", "zyx987", "A1");
  private static final List<String> STAGES = List.of("prod", "$default", "test_1", "v-2");
  private static final List<String> ROUTES =
      List.of("GET/orders/42", "POST/orders", "DELETE/orders/7", "GET/health", "GET/", "$connect");
  private static final List<Set<String>> ROLE_SETS =
      List.of(
          Set.of(),
          Set.of("reader"),
          Set.of("writer"),
          Set.of("reader", "writer"),
          Set.of("admin"),
          Set.of("chatter"),
          Set.of("unknown"),
          Set.of("admin", "reader", "writer", "chatter"));

  private static RouteTarget target(
      String partition, String region, String account, String api, String stage, String route) {
    return RouteTarget.parse(
        "arn:"
            + partition
            + ":execute-api:"
            + region
            + ":"
            + account
            + ":"
            + api
            + "/"
            + stage
            + "/"
            + route);
  }

  private static RouteTarget target(String route) {
    return target("aws", "us-east-1", "123456789012", "abcdef1234", "prod", route);
  }

  private static PolicyDocument fresh(AccessRules rules, Set<String> roles, RouteTarget target) {
    return PolicyBuilder.build(rules.grantsFor(roles), target);
  }

  private static List<RouteTarget> manyTargets() {
    List<RouteTarget> targets = new ArrayList<>();
    for (String partition : PARTITIONS) {
      for (String region : REGIONS) {
        for (String account : ACCOUNTS) {
          for (String api : APIS) {
            for (String stage : STAGES) {
              for (String route : ROUTES) {
                targets.add(target(partition, region, account, api, stage, route));
              }
            }
          }
        }
      }
    }
    return targets;
  }

  @Test
  void every_cached_policy_equals_a_freshly_built_one_across_apis_stages_and_role_sets() {
    // Arrange: more than enough room, so the second pass answers from the cache.
    PolicyCache cache = new PolicyCache(RULES, 100_000);
    List<RouteTarget> targets = manyTargets();

    // Act and assert
    for (int pass = 0; pass < 2; pass++) {
      for (Set<String> roles : ROLE_SETS) {
        for (RouteTarget target : targets) {
          assertThat(policyFor(cache, roles, target))
              .as("roles %s on %s, pass %d", roles, target.arn(), pass)
              .isEqualTo(fresh(RULES, roles, target));
        }
      }
    }
  }

  @Test
  void targets_that_differ_in_any_part_of_the_api_or_stage_get_their_own_policy() {
    // Arrange: each variant changes one part of the first target.
    PolicyCache cache = new PolicyCache(RULES, 64);
    Set<String> roles = Set.of("reader");
    RouteTarget first = target("GET/orders/1");
    List<RouteTarget> variants =
        List.of(
            target("aws-cn", "us-east-1", "123456789012", "abcdef1234", "prod", "GET/orders/1"),
            target("aws", "eu-west-3", "123456789012", "abcdef1234", "prod", "GET/orders/1"),
            target("aws", "us-east-1", "210987654321", "abcdef1234", "prod", "GET/orders/1"),
            target("aws", "us-east-1", "123456789012", "zyx987", "prod", "GET/orders/1"),
            target("aws", "us-east-1", "123456789012", "abcdef1234", "test", "GET/orders/1"));
    PolicyDocument firstPolicy = policyFor(cache, roles, first);

    for (RouteTarget variant : variants) {
      // Act
      PolicyDocument policy = policyFor(cache, roles, variant);

      // Assert
      assertThat(policy).isEqualTo(fresh(RULES, roles, variant)).isNotEqualTo(firstPolicy);
      assertThat(policy.statements().get(0).resources())
          .allSatisfy(r -> assertThat(r).startsWith(variant.stagePrefix()));
      assertThat(PolicyEvaluator.allows(policy, variant.arn())).isTrue();
      assertThat(PolicyEvaluator.allows(policy, first.arn())).isFalse();
    }
  }

  @Test
  void a_websocket_route_and_an_http_route_of_the_same_stage_share_one_policy() {
    // Arrange
    PolicyCache cache = new PolicyCache(RULES, 64);
    Set<String> roles = Set.of("reader");
    RouteTarget http = target("GET/orders/1");
    RouteTarget connect = target("$connect");

    // Act
    PolicyDocument httpPolicy = policyFor(cache, roles, http);
    PolicyDocument connectPolicy = policyFor(cache, roles, connect);

    // Assert
    assertThat(connectPolicy).isSameAs(httpPolicy).isEqualTo(fresh(RULES, roles, connect));
    assertThat(cache.size()).isEqualTo(1);
    assertThat(PolicyEvaluator.allows(connectPolicy, connect.arn())).isTrue();
    assertThat(PolicyEvaluator.allows(connectPolicy, http.arn())).isTrue();
    assertThat(PolicyEvaluator.allows(connectPolicy, target("DELETE/orders/1").arn())).isFalse();
  }

  @Test
  void the_policy_of_one_role_set_is_never_handed_to_another() {
    // Arrange
    PolicyCache cache = new PolicyCache(RULES, 64);
    RouteTarget delete = target("DELETE/orders/7");
    policyFor(cache, Set.of("writer"), delete);

    // Act
    PolicyDocument readerPolicy = policyFor(cache, Set.of("reader"), delete);
    PolicyDocument bothPolicy = policyFor(cache, Set.of("reader", "writer"), delete);

    // Assert
    assertThat(PolicyEvaluator.allows(readerPolicy, delete.arn())).isFalse();
    assertThat(PolicyEvaluator.allows(bothPolicy, delete.arn())).isTrue();
    assertThat(readerPolicy).isEqualTo(fresh(RULES, Set.of("reader"), delete));
  }

  @Test
  void the_next_route_of_the_same_identity_shape_is_answered_from_the_cache() {
    // Arrange
    PolicyCache cache = new PolicyCache(RULES, 64);
    PolicyDocument first = policyFor(cache, Set.of("reader"), target("GET/orders/1"));

    // Act: another route, and the same roles in another kind of set.
    PolicyDocument next =
        policyFor(cache, new HashSet<>(List.of("reader")), target("DELETE/orders/2"));

    // Assert
    assertThat(next).isSameAs(first);
    assertThat(cache.size()).isEqualTo(1);
    assertThat(PolicyEvaluator.allows(next, target("DELETE/orders/2").arn())).isFalse();
  }

  @Test
  void an_identity_without_roles_or_grants_gets_the_deny_on_the_stage_every_time() {
    // Arrange
    PolicyCache cache = new PolicyCache(NO_DEFAULT_GRANTS, 8);
    RouteTarget order = target("GET/orders/1");

    for (int call = 0; call < 3; call++) {
      // Act
      PolicyDocument policy = policyFor(cache, Set.of(), order);

      // Assert
      assertThat(Policies.allowsAnything(policy)).isFalse();
      assertThat(policy.statements()).hasSize(1);
      assertThat(policy.statements().get(0).effect()).isEqualTo(Effect.Deny);
      assertThat(policy.statements().get(0).resources()).containsExactly(order.stagePrefix() + "*");
      assertThat(PolicyEvaluator.allows(policy, order.arn())).isFalse();
    }
  }

  @Test
  void changing_the_callers_set_of_roles_afterwards_does_not_change_the_cached_entry() {
    // Arrange
    PolicyCache cache = new PolicyCache(RULES, 64);
    RouteTarget delete = target("DELETE/orders/7");
    Set<String> roles = new HashSet<>(List.of("reader"));
    policyFor(cache, roles, delete);

    // Act: the same set object now holds other roles.
    roles.add("writer");
    PolicyDocument widened = policyFor(cache, roles, delete);
    PolicyDocument readerAgain = policyFor(cache, Set.of("reader"), delete);

    // Assert
    assertThat(PolicyEvaluator.allows(widened, delete.arn())).isTrue();
    assertThat(PolicyEvaluator.allows(readerAgain, delete.arn())).isFalse();
    assertThat(readerAgain).isEqualTo(fresh(RULES, Set.of("reader"), delete));
  }

  @Test
  void a_callers_set_changed_to_roles_of_the_same_hash_does_not_reach_the_entry_filed_before() {
    // Arrange: "Aa" and "BB" have the same String hash code, so the changed set still hashes to
    // the entry filed under the old roles.
    AccessRules rules = AccessRules.of(Map.of("Aa", List.of("GET /a"), "BB", List.of("GET /b")));
    PolicyCache cache = new PolicyCache(rules, 64);
    RouteTarget b = target("GET/b");
    Set<String> roles = new HashSet<>(List.of("Aa"));
    policyFor(cache, roles, b);
    roles.remove("Aa");
    roles.add("BB");

    // Act
    PolicyDocument policy = policyFor(cache, Set.of("BB"), b);

    // Assert
    assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
    assertThat(policy).isEqualTo(fresh(rules, Set.of("BB"), b));
    assertThat(PolicyEvaluator.allows(policy, b.arn())).isTrue();
  }

  @Test
  void the_cache_never_holds_more_than_its_bound_and_stays_right_when_full() {
    // Arrange
    PolicyCache cache = new PolicyCache(RULES, 5);
    List<RouteTarget> targets = manyTargets().subList(0, 60);

    // Act and assert
    for (int pass = 0; pass < 3; pass++) {
      for (RouteTarget target : targets) {
        for (Set<String> roles : ROLE_SETS) {
          assertThat(policyFor(cache, roles, target)).isEqualTo(fresh(RULES, roles, target));
          assertThat(cache.size()).isBetween(1, 5);
        }
      }
    }
  }

  @Test
  void threads_sharing_a_small_cache_each_get_the_policy_of_their_own_call() throws Exception {
    // Arrange: a bound small enough that threads clear the cache under each other.
    PolicyCache cache = new PolicyCache(RULES, 7);
    List<RouteTarget> targets = manyTargets().subList(0, 200);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Callable<Integer>> workers = new ArrayList<>();
    for (int w = 0; w < 4; w++) {
      int offset = w;
      workers.add(
          () -> {
            int checked = 0;
            for (int i = 0; i < 2_000; i++) {
              Set<String> roles = ROLE_SETS.get((i + offset) % ROLE_SETS.size());
              RouteTarget target = targets.get((i * 7 + offset) % targets.size());
              assertThat(policyFor(cache, roles, target)).isEqualTo(fresh(RULES, roles, target));
              checked++;
            }
            return checked;
          });
    }

    try {
      // Act
      List<Future<Integer>> results = pool.invokeAll(workers);

      // Assert: get() rethrows any failed assertion of a worker.
      for (Future<Integer> result : results) {
        assertThat(result.get()).isEqualTo(2_000);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void a_cache_needs_rules_and_room_for_one_policy() {
    assertThatNullPointerException().isThrownBy(() -> new PolicyCache(null, 8));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new PolicyCache(RULES, 0))
        .withMessageContaining("maxEntries");
  }

  @Property(tries = 300)
  void any_sequence_of_calls_gets_exactly_the_policies_built_afresh(
      @ForAll("calls") List<Call> calls, @ForAll @IntRange(min = 1, max = 40) int maxEntries) {
    // Arrange
    PolicyCache cache = new PolicyCache(RULES, maxEntries);

    for (Call call : calls) {
      // Act
      PolicyDocument cached = policyFor(cache, call.roles(), call.target());

      // Assert
      assertThat(cached).isEqualTo(fresh(RULES, call.roles(), call.target()));
      assertThat(PolicyEvaluator.allows(cached, call.target().arn()))
          .isEqualTo(
              PolicyEvaluator.allows(
                  fresh(RULES, call.roles(), call.target()), call.target().arn()));
      assertThat(cache.size()).isLessThanOrEqualTo(maxEntries);
    }
  }

  /** One call: an identity's roles and the called target. */
  record Call(Set<String> roles, RouteTarget target) {}

  @Provide
  Arbitrary<List<Call>> calls() {
    Arbitrary<Set<String>> roles =
        Arbitraries.of("admin", "reader", "writer", "unknown").set().ofMaxSize(2).map(TreeSet::new);
    // A small pool of targets that differ in one part each, so that calls often share a shape.
    List<RouteTarget> pool = new ArrayList<>();
    for (String route : List.of("GET/orders/42", "DELETE/orders/7", "GET/health", "$connect")) {
      pool.add(target("aws", "us-east-1", "123456789012", "abcdef1234", "prod", route));
      pool.add(target("aws-cn", "us-east-1", "123456789012", "abcdef1234", "prod", route));
      pool.add(target("aws", "eu-west-3", "123456789012", "abcdef1234", "prod", route));
      pool.add(target("aws", "us-east-1", "210987654321", "abcdef1234", "prod", route));
      pool.add(target("aws", "us-east-1", "123456789012", "zyx987", "prod", route));
      pool.add(target("aws", "us-east-1", "123456789012", "abcdef1234", "test", route));
    }
    Arbitrary<RouteTarget> targets = Arbitraries.of(pool);
    return Combinators.combine(roles, targets).as(Call::new).list().ofMinSize(1).ofMaxSize(60);
  }

  /** The cached policy of an identity holding these roles and no attributes. */
  private static PolicyDocument policyFor(
      PolicyCache cache, Set<String> roles, RouteTarget target) {
    return cache
        .policyFor(
            new Identity(
                "caller", roles, Map.of(), Instant.parse("2030-01-01T00:00:00Z"), "memory"),
            target)
        .policy();
  }
}
