package dev.portcullis.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple3;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checks that the hand-written {@link RouteTarget#parse} accepts and refuses exactly what the
 * regular-expression parser it replaced ({@link RegexRouteTargetParser}) did, with the same parts
 * and the same reasons.
 */
class RouteTargetOracleTest {

  /** Characters that matter somewhere in an ARN, and some that never belong in one. */
  private static final String ALPHABET =
      "arnwsexcuteip-:/$_.*?GETPOSaAzZ019 \t\n\r\u0000\u00e9\u200b\ud83d\ude00\ud83d";

  private static final List<String> METHODS =
      List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

  /** What a parser made of a text: the target, or the reason it refused it. */
  private static String outcome(boolean handWritten, String arn) {
    try {
      RouteTarget target = handWritten ? RouteTarget.parse(arn) : RegexRouteTargetParser.parse(arn);
      return "parsed " + target;
    } catch (MalformedArnException e) {
      return "refused: " + e.getMessage();
    }
  }

  private static String assertSameOutcome(String arn) {
    String expected = outcome(false, arn);
    assertThat(outcome(true, arn)).as("ARN '%s'", arn).isEqualTo(expected);
    return expected;
  }

  private static void collect(String outcome) {
    Statistics.label("outcome").collect(outcome.startsWith("parsed") ? "parsed" : outcome);
  }

  @Property(tries = 3000)
  void both_parsers_agree_on_assembled_arns(@ForAll("assembledArns") String arn) {
    collect(assertSameOutcome(arn));
    Statistics.label("outcome")
        .coverage(coverage -> coverage.check("parsed").percentage(p -> p > 20));
  }

  @Property(tries = 3000)
  void both_parsers_agree_on_arns_with_a_few_characters_changed(@ForAll("mutatedArns") String arn) {
    assertSameOutcome(arn);
  }

  @Property(tries = 2000)
  void both_parsers_agree_on_random_text(@ForAll("randomTexts") String text) {
    assertSameOutcome(text);
  }

  @Property(tries = 300)
  void both_parsers_agree_around_the_length_limit(
      @ForAll @IntRange(min = 1590, max = 1610) int length, @ForAll("assembledArns") String arn) {
    // Arrange: pad or cut the text to the length, keeping its start.
    String sized =
        arn.length() >= length ? arn.substring(0, length) : arn + "a".repeat(length - arn.length());

    // Act and assert
    assertSameOutcome(sized);
  }

  @Property(tries = 2000)
  void the_route_key_check_agrees_with_the_old_pattern(@ForAll("routeKeys") String key) {
    assertThat(RouteTarget.isRouteKey(key))
        .as("route key '%s'", key)
        .isEqualTo(RegexRouteTargetParser.ROUTE_KEY.matcher(key).matches());
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(
      strings = {
        "arn:aws:execute-api:us-east-1:123456789012:abcdef1234/prod/GET/orders/42",
        "arn:aws:execute-api:us-east-1:123456789012:abcdef1234/$default/DELETE/a/b.c/d-e_f",
        "arn:aws:execute-api:us-east-1:123456789012:abcdef1234/prod/$connect",
        "arn:aws:execute-api:us-east-1:123456789012:abcdef1234/prod/",
        "arn:aws:execute-api:us-east-1:123456789012:abcdef1234/prod/$",
        "arn:aws:execute-api:us-east-1:123456789012:abcdef1234/prod/$connect\n",
        "arn:aws:execute-api:us-east-1:123456789012:abcdef1234/prod//x",
        "arn:aws-a-b-c:execute-api:us-east-1:123456789012:abc/prod/GET/x",
        "arn:aws-a-b-c-d:execute-api:us-east-1:123456789012:abc/prod/GET/x",
        "arn:aws-abcdefghij:execute-api:us-east-1:123456789012:abc/prod/GET/x",
        "arn:aws-abcdefghijk:execute-api:us-east-1:123456789012:abc/prod/GET/x",
        "arn:aws-:execute-api:us-east-1:123456789012:abc/prod/GET/x",
        "arn:aws:execute-api:us-a-b-c-1:123456789012:abc/prod/GET/x",
        "arn:aws:execute-api:us-a-b-c-d-1:123456789012:abc/prod/GET/x",
        "arn:aws:execute-api:us-east-12:123456789012:abc/prod/GET/x",
        "arn:aws:execute-api:us-east-123:123456789012:abc/prod/GET/x",
        "arn:aws:execute-api:us-abcdefghijkl-1:123456789012:abc/prod/GET/x",
        "arn:aws:execute-api:us-abcdefghijklm-1:123456789012:abc/prod/GET/x",
        "arn:aws:execute-api:us-1:123456789012:abc/prod/GET/x",
        "arn:aws:execute-api:u-east-1:123456789012:abc/prod/GET/x",
        "arn:aws:execute-api:us-east-:123456789012:abc/prod/GET/x",
        "arn:aws:execute-api:us-east-1:123456789012:abc/prod/GET/x",
        "arn:aws:execute-api:us-east-1:123456789012:",
        "arn:aws:execute-api:us-east-1:123456789012",
        "arn:aws:execute-api:us-east-1:",
        "arn:aws:execute-api:",
        "arn:aws:execute-api",
        "arn:aws:",
        "arn:",
        "arn",
        "arn:aws:execute-api:us-east-1:123456789012:abcdefghijabcdefghijabcdefghij12/s/GET/x",
        "arn:aws:execute-api:us-east-1:123456789012:abcdefghijabcdefghijabcdefghij123/s/GET/x",
        "arn:aws:execute-api:us-east-1:123456789012:abc/prod/GET/\ud83d\ude00"
      })
  void both_parsers_agree_on_edge_cases(String arn) {
    assertSameOutcome(arn);
  }

  @Provide
  Arbitrary<String> assembledArns() {
    return Arbitraries.frequencyOf(Tuple.of(1, validParts()), Tuple.of(2, anyParts()));
  }

  private static Arbitrary<String> validParts() {
    return arns(
        Arbitraries.of("aws", "aws-cn", "aws-us-gov", "aws-iso-b", "aws-abcdefghij-a-b"),
        Arbitraries.of("us-east-1", "eu-west-3", "us-gov-west-1", "ap-a-b-c-12"),
        Arbitraries.strings().numeric().ofLength(12),
        Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(32),
        Arbitraries.strings().withChars("aZ9_$-").ofMinLength(1).ofMaxLength(128),
        routes());
  }

  private static Arbitrary<String> anyParts() {
    return arns(partitions(), regions(), accounts(), apiIds(), stages(), routes());
  }

  private static Arbitrary<String> arns(
      Arbitrary<String> partitions,
      Arbitrary<String> regions,
      Arbitrary<String> accounts,
      Arbitrary<String> apiIds,
      Arbitrary<String> stages,
      Arbitrary<String> routes) {
    return Combinators.combine(partitions, regions, accounts, apiIds, stages, routes)
        .as(
            (partition, region, account, apiId, stage, route) ->
                "arn:"
                    + partition
                    + ":execute-api:"
                    + region
                    + ":"
                    + account
                    + ":"
                    + apiId
                    + "/"
                    + stage
                    + "/"
                    + route);
  }

  @Provide
  Arbitrary<String> mutatedArns() {
    Arbitrary<Tuple3<Integer, Integer, Character>> edit =
        Combinators.combine(
                Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 2000),
                Arbitraries.of(ALPHABET.toCharArray()))
            .as(Tuple::of);
    return Combinators.combine(assembledArns(), edit.list().ofMinSize(1).ofMaxSize(3))
        .as(RouteTargetOracleTest::applyEdits);
  }

  @Provide
  Arbitrary<String> randomTexts() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withChars(ALPHABET.toCharArray()).ofMaxLength(80),
        Arbitraries.strings().ofMaxLength(80),
        Arbitraries.strings()
            .withChars(ALPHABET.toCharArray())
            .ofMaxLength(40)
            .map(s -> "arn:aws:execute-api:us-east-1:123456789012:" + s));
  }

  @Provide
  Arbitrary<String> routeKeys() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withChars("$aZ09_.-/ *\n\u00e9").ofMaxLength(12),
        Arbitraries.strings()
            .withChars("aZ09_.-")
            .ofMinLength(120)
            .ofMaxLength(135)
            .map(s -> s.startsWith("a") ? "$" + s : s));
  }

  private static String applyEdits(String arn, List<Tuple3<Integer, Integer, Character>> edits) {
    StringBuilder text = new StringBuilder(arn);
    for (Tuple3<Integer, Integer, Character> edit : edits) {
      int at = edit.get2() % (text.length() + 1);
      switch (edit.get1()) {
        case 0 -> text.insert(at, edit.get3().charValue());
        case 1 -> {
          if (at < text.length()) {
            text.deleteCharAt(at);
          }
        }
        default -> {
          if (at < text.length()) {
            text.setCharAt(at, edit.get3());
          }
        }
      }
    }
    return text.toString();
  }

  private static Arbitrary<String> lower(int min, int max) {
    return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(min).ofMaxLength(max);
  }

  private static Arbitrary<String> partitions() {
    Arbitrary<String> shaped =
        lower(0, 11)
            .list()
            .ofMaxSize(4)
            .map(groups -> "aws" + groups.stream().map(g -> "-" + g).collect(Collectors.joining()));
    return Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.of("aws", "aws-cn", "aws-us-gov", "aws-iso-b")),
        Tuple.of(4, shaped),
        Tuple.of(1, Arbitraries.strings().withChars("aws-cnAW1:").ofMaxLength(14)));
  }

  private static Arbitrary<String> regions() {
    Arbitrary<String> shaped =
        Combinators.combine(
                lower(1, 3),
                lower(0, 13).list().ofMaxSize(4),
                Arbitraries.strings().numeric().ofMaxLength(3))
            .as(
                (head, groups, digits) ->
                    head
                        + groups.stream().map(g -> "-" + g).collect(Collectors.joining())
                        + "-"
                        + digits);
    return Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.of("us-east-1", "eu-west-3", "us-gov-west-1", "cn-north-1")),
        Tuple.of(4, shaped),
        Tuple.of(1, Arbitraries.strings().withChars("use-12aA:_").ofMaxLength(16)));
  }

  private static Arbitrary<String> accounts() {
    return Arbitraries.frequencyOf(
        Tuple.of(6, Arbitraries.strings().numeric().ofLength(12)),
        Tuple.of(2, Arbitraries.strings().numeric().ofMinLength(10).ofMaxLength(14)),
        Tuple.of(
            1, Arbitraries.strings().withChars("0123456789a:/ ").ofMinLength(11).ofMaxLength(13)));
  }

  private static Arbitrary<String> apiIds() {
    return Arbitraries.frequencyOf(
        Tuple.of(6, Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(12)),
        Tuple.of(2, Arbitraries.strings().alpha().numeric().ofMinLength(30).ofMaxLength(34)),
        Tuple.of(1, Arbitraries.strings().withChars("aZ9-*:_.$").ofMaxLength(6)));
  }

  private static Arbitrary<String> stages() {
    return Arbitraries.frequencyOf(
        Tuple.of(6, Arbitraries.strings().withChars("aZ9_$-").ofMinLength(1).ofMaxLength(10)),
        Tuple.of(2, Arbitraries.strings().withChars("aZ9_$-").ofMinLength(125).ofMaxLength(131)),
        Tuple.of(1, Arbitraries.strings().withChars("aZ9_$- *.:").ofMaxLength(6)));
  }

  private static Arbitrary<String> routes() {
    Arbitrary<String> method =
        Arbitraries.frequencyOf(
            Tuple.of(6, Arbitraries.of(METHODS)),
            Tuple.of(1, Arbitraries.of("get", "ANY", "", "G ET", "*", "CONNECT", "GETT")));
    Arbitrary<String> path =
        Arbitraries.frequencyOf(
            Tuple.of(6, Arbitraries.strings().withChars("/aZ09.-_~%{}!").ofMaxLength(20)),
            Tuple.of(1, Arbitraries.strings().withChars(ALPHABET.toCharArray()).ofMaxLength(20)));
    Arbitrary<String> http = Combinators.combine(method, path).as((m, p) -> m + "/" + p);
    Arbitrary<String> routeKey =
        Arbitraries.frequencyOf(
            Tuple.of(4, Arbitraries.of("$connect", "$default", "$disconnect", "send.msg", "a-b_c")),
            Tuple.of(2, Arbitraries.strings().withChars("$aZ09_.-").ofMaxLength(12)),
            Tuple.of(1, Arbitraries.strings().withChars("aZ09").ofMinLength(126).ofMaxLength(130)),
            Tuple.of(1, Arbitraries.strings().withChars(ALPHABET.toCharArray()).ofMaxLength(10)));
    return Arbitraries.frequencyOf(Tuple.of(3, http), Tuple.of(2, routeKey));
  }
}
