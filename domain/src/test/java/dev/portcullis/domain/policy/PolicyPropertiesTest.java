package dev.portcullis.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.domain.model.RouteTarget;
import dev.portcullis.domain.rules.Grant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Properties of the policy engine, each checked against a reference written independently here:
 * grants are matched with {@link java.util.regex}, never with {@link Wildcard}.
 */
class PolicyPropertiesTest {

  private static final String STAGE_PREFIX =
      "arn:aws:execute-api:us-east-1:123456789012:abc123/prod/";
  private static final List<String> ROLES = List.of("r0", "r1", "r2", "r3", "*");
  private static final List<String> HTTP_METHODS =
      List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

  /** Route keys a grant may name ({@code $default} is refused, see GrantTest). */
  private static final List<String> ROUTE_KEYS = List.of("$connect", "$disconnect", "send.msg");

  /**
   * Path segments of the targets: plain ones, and the characters a client may put in a path that
   * must be matched literally ({@code * ? % $}, a space), and dot segments in their plain and
   * percent-encoded forms.
   */
  private static final List<String> SEGMENTS =
      List.of(
          "a",
          "b",
          "ab",
          "",
          "a.b",
          "*",
          "?",
          "a*",
          "x y",
          "%41",
          "$connect",
          ".",
          "..",
          "%2e",
          "%2E%2e",
          ".%2E");

  /** Dot segments as a backend would resolve them, worked out independently of PolicyBuilder. */
  static boolean hasDotSegment(String path) {
    for (String segment : path.split("/", -1)) {
      String decoded = segment.replace("%2e", ".").replace("%2E", ".");
      if (decoded.equals(".") || decoded.equals("..")) {
        return true;
      }
    }
    return false;
  }

  /** One grant as the test generated it, with the reference's own idea of what it matches. */
  record GrantSpec(String method, String path, String routeKey) {

    String text() {
      return routeKey != null ? routeKey : method + " " + path;
    }

    boolean matches(RouteTarget target) {
      if (target.route() instanceof RouteTarget.WebSocketRoute ws) {
        return routeKey != null && routeKey.equals(ws.routeKey());
      }
      RouteTarget.HttpRoute http = (RouteTarget.HttpRoute) target.route();
      if (routeKey != null) {
        return false;
      }
      boolean anyMethod = method.equals("*") || method.equals("ANY");
      return (anyMethod || method.equals(http.method()))
          && globToRegex(path).matcher(http.path()).matches();
    }
  }

  /** Random rules, an identity's roles and two targets on the same API and stage. */
  record Scenario(
      Map<String, List<GrantSpec>> rules, Set<String> roles, RouteTarget target, RouteTarget next) {

    boolean referenceAllows(RouteTarget t) {
      if (t.route() instanceof RouteTarget.HttpRoute http && hasDotSegment(http.path())) {
        return false;
      }
      for (Map.Entry<String, List<GrantSpec>> role : rules.entrySet()) {
        if (role.getKey().equals("*") || roles.contains(role.getKey())) {
          for (GrantSpec grant : role.getValue()) {
            if (grant.matches(t)) {
              return true;
            }
          }
        }
      }
      return false;
    }

    PolicyDocument policy() {
      return policyOn(target);
    }

    /**
     * The policy of the identity's grants. They are gathered here rather than by AccessRules, whose
     * size check would refuse some of the larger random rules.
     */
    PolicyDocument policyOn(RouteTarget route) {
      Set<Grant> grants = new LinkedHashSet<>();
      for (Map.Entry<String, List<GrantSpec>> role : rules.entrySet()) {
        if (role.getKey().equals("*") || roles.contains(role.getKey())) {
          for (GrantSpec spec : role.getValue()) {
            grants.add(((Grant.Parsed.Accepted) Grant.parse(spec.text())).grant());
          }
        }
      }
      return PolicyBuilder.build(grants, route);
    }
  }

  @Property(tries = 1000)
  void the_policy_allows_the_target_exactly_when_some_grant_of_the_identity_matches_it(
      @ForAll("scenarios") Scenario scenario) {
    // Act
    boolean allowed = PolicyEvaluator.allows(scenario.policy(), scenario.target().arn());

    // Assert
    assertThat(allowed).isEqualTo(scenario.referenceAllows(scenario.target()));
    Statistics.label("allowed").collect(allowed);
    Statistics.label("allowed")
        .coverage(
            coverage -> {
              coverage.check(true).percentage(p -> p > 10);
              coverage.check(false).percentage(p -> p > 10);
            });
  }

  @Property(tries = 1000)
  void the_policy_built_for_one_route_is_right_for_the_next_route_of_the_same_stage(
      @ForAll("scenarios") Scenario scenario) {
    // Act: API Gateway reuses a cached policy for the next route with the same token.
    boolean allowed = PolicyEvaluator.allows(scenario.policy(), scenario.next().arn());

    // Assert
    assertThat(allowed).isEqualTo(scenario.referenceAllows(scenario.next()));
    Statistics.label("next kind").collect(scenario.next().isWebSocket() ? "websocket" : "http");
  }

  @Property(tries = 1000)
  void the_same_identity_gets_the_same_policy_whichever_route_of_the_stage_it_called(
      @ForAll("scenarios") Scenario scenario) {
    assertThat(scenario.policyOn(scenario.next())).isEqualTo(scenario.policy());
  }

  @Property(tries = 1000)
  void no_allowed_resource_names_another_api_or_stage(@ForAll("scenarios") Scenario scenario) {
    // Act
    PolicyDocument policy = scenario.policy();

    // Assert
    Statement statement = policy.statements().get(0);
    assertThat(policy.statements())
        .allSatisfy(s -> assertThat(s.actions()).containsExactly(Statement.INVOKE));
    if (statement.effect() == Effect.Allow) {
      assertThat(statement.resources())
          .isNotEmpty()
          .allSatisfy(r -> assertThat(r).startsWith(scenario.target().stagePrefix()))
          .allSatisfy(r -> assertThat(r.length()).isLessThanOrEqualTo(512))
          .doesNotHaveDuplicates();
      assertThat(statement.resources()).isSorted();
      assertThat(policy.statements())
          .hasSize(2)
          .last()
          .isEqualTo(
              Statement.invoke(
                  Effect.Deny, PolicyBuilder.dotSegmentResources(scenario.target().partition())));
    } else {
      assertThat(policy.statements()).hasSize(1);
      assertThat(statement.resources()).containsExactly(scenario.target().stagePrefix() + "*");
    }
  }

  @Property(tries = 1000)
  void wildcard_agrees_with_a_regex_translation(
      @ForAll("patterns") String pattern, @ForAll("texts") String text) {
    assertThat(Wildcard.matches(pattern, text))
        .isEqualTo(globToRegex(pattern).matcher(text).matches());
  }

  @Property(tries = 1000)
  void wildcard_agrees_with_a_regex_translation_on_texts_derived_from_the_pattern(
      @ForAll("patterns") String pattern, @ForAll("fillings") List<String> fillings) {
    // Arrange: a text that often matches, built by filling the pattern's wildcards.
    String text = fill(pattern, fillings);

    // Act and assert
    assertThat(Wildcard.matches(pattern, text))
        .isEqualTo(globToRegex(pattern).matcher(text).matches());
  }

  @Property(tries = 1000)
  void wildcard_ignoring_case_agrees_with_a_case_insensitive_regex(
      @ForAll("mixedCasePatterns") String pattern, @ForAll("mixedCaseTexts") String text) {
    Pattern regex =
        Pattern.compile(globToRegex(pattern).pattern(), Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

    assertThat(Wildcard.matchesIgnoreCase(pattern, text)).isEqualTo(regex.matcher(text).matches());
  }

  @Property(tries = 1000)
  void the_minimal_resource_set_allows_exactly_what_the_full_set_allows(
      @ForAll("starPatternSets") TreeSet<String> full,
      @ForAll("texts") String randomText,
      @ForAll("fillings") List<String> fillings) {
    // Arrange
    List<String> minimal = PolicyBuilder.minimal(full);
    List<String> texts = new ArrayList<>();
    texts.add(randomText);
    for (String pattern : full) {
      texts.add(fill(pattern, fillings));
    }

    // Act and assert
    assertThat(full).containsAll(minimal);
    assertThat(minimal).isNotEmpty().doesNotHaveDuplicates();
    for (String text : texts) {
      assertThat(anyMatches(minimal, text)).as("text '%s'", text).isEqualTo(anyMatches(full, text));
    }
    Statistics.label("dropped some").collect(minimal.size() < full.size());
    Statistics.label("dropped some")
        .coverage(coverage -> coverage.check(true).percentage(p -> p > 10));
  }

  @Property(tries = 1000)
  void the_minimal_resource_set_keeps_no_pattern_that_another_kept_one_covers(
      @ForAll("starPatternSets") TreeSet<String> full) {
    List<String> minimal = PolicyBuilder.minimal(full);

    for (String a : minimal) {
      for (String b : minimal) {
        if (!a.equals(b)) {
          // b's stars read as literals: a covers b exactly when it matches b's text.
          assertThat(globToRegex(a).matcher(b).matches()).as("%s covers %s", a, b).isFalse();
        }
      }
    }
  }

  @Provide
  Arbitrary<Scenario> scenarios() {
    Arbitrary<Map<String, List<GrantSpec>>> rules =
        Arbitraries.maps(Arbitraries.of(ROLES), grantSpecs().list().ofMaxSize(4))
            .ofMinSize(1)
            .ofMaxSize(4);
    Arbitrary<Set<String>> roles = Arbitraries.of("r0", "r1", "r2", "r4").set().ofMaxSize(3);
    return Combinators.combine(rules, roles, targets(), targets()).as(Scenario::new);
  }

  private static Arbitrary<GrantSpec> grantSpecs() {
    Arbitrary<GrantSpec> http =
        Combinators.combine(
                Arbitraries.of("GET", "POST", "DELETE", "*", "ANY"),
                Arbitraries.of("a", "b", "ab", "*", "*", "a*", "*b", "").list().ofMaxSize(2))
            .as(
                (method, segments) ->
                    new GrantSpec(method, "/" + String.join("/", segments), null));
    Arbitrary<GrantSpec> webSocket =
        Arbitraries.of(ROUTE_KEYS).map(k -> new GrantSpec(null, null, k));
    return Arbitraries.frequencyOf(Tuple.of(5, http), Tuple.of(1, webSocket));
  }

  /**
   * The shapes API Gateway sends: {@code METHOD/PATH} for REST and HTTP APIs on every route (the
   * HTTP API's {@code $default}, greedy and {@code ANY} routes included), and {@code $connect} for
   * WebSocket; a few other route keys besides, which a stage may be called with too.
   */
  private static Arbitrary<RouteTarget> targets() {
    Arbitrary<String> http =
        Combinators.combine(
                Arbitraries.frequencyOf(
                    Tuple.of(4, Arbitraries.of("GET", "POST", "DELETE")),
                    Tuple.of(1, Arbitraries.of(HTTP_METHODS))),
                Arbitraries.frequencyOf(
                        Tuple.of(4, Arbitraries.of("a", "b", "ab", "")),
                        Tuple.of(1, Arbitraries.of(SEGMENTS)))
                    .list()
                    .ofMaxSize(3))
            .as((method, segments) -> method + "/" + String.join("/", segments));
    Arbitrary<String> suffix =
        Arbitraries.frequencyOf(
            Tuple.of(8, http),
            Tuple.of(2, Arbitraries.just("$connect")),
            Tuple.of(1, Arbitraries.of("$disconnect", "send.msg", "$default")));
    return suffix.map(s -> RouteTarget.parse(STAGE_PREFIX + s));
  }

  @Provide
  Arbitrary<String> patterns() {
    return Arbitraries.strings().withChars('a', 'b', '/', '*', '?').ofMaxLength(8);
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.strings().withChars('a', 'b', '/').ofMaxLength(10);
  }

  @Provide
  Arbitrary<String> mixedCasePatterns() {
    return Arbitraries.strings().withChars('a', 'B', '-', '*', '?').ofMaxLength(8);
  }

  @Provide
  Arbitrary<String> mixedCaseTexts() {
    return Arbitraries.strings().withChars('A', 'b', 'a', 'B', '-').ofMaxLength(10);
  }

  @Provide
  Arbitrary<List<String>> fillings() {
    return Arbitraries.strings().withChars('a', 'b', '/').ofMaxLength(3).list().ofSize(8);
  }

  @Provide
  Arbitrary<TreeSet<String>> starPatternSets() {
    return Arbitraries.strings()
        .withChars('a', 'b', '/', '*')
        .ofMaxLength(6)
        .set()
        .ofMinSize(1)
        .ofMaxSize(6)
        .map(TreeSet::new);
  }

  /** Glob to regex: {@code *} is any run, {@code ?} one character, the rest literal. */
  static Pattern globToRegex(String glob) {
    StringBuilder regex = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (char c : glob.toCharArray()) {
      if (c == '*' || c == '?') {
        if (literal.length() > 0) {
          regex.append(Pattern.quote(literal.toString()));
          literal.setLength(0);
        }
        regex.append(c == '*' ? ".*" : ".");
      } else {
        literal.append(c);
      }
    }
    if (literal.length() > 0) {
      regex.append(Pattern.quote(literal.toString()));
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }

  /** Replaces the pattern's wildcards, in order, by the fillings ({@code ?} by one character). */
  private static String fill(String pattern, List<String> fillings) {
    StringBuilder text = new StringBuilder();
    int next = 0;
    for (char c : pattern.toCharArray()) {
      if (c == '*') {
        text.append(fillings.get(next++ % fillings.size()));
      } else if (c == '?') {
        String filling = fillings.get(next++ % fillings.size());
        text.append(filling.isEmpty() ? "a" : filling.substring(0, 1));
      } else {
        text.append(c);
      }
    }
    return text.toString();
  }

  private static boolean anyMatches(java.util.Collection<String> patterns, String text) {
    return patterns.stream().anyMatch(p -> globToRegex(p).matcher(text).matches());
  }
}
