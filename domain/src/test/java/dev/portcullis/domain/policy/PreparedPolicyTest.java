package dev.portcullis.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Tests that a prepared policy answers exactly as the evaluator does, for any policy and ARN. */
class PreparedPolicyTest {

  private static final String STAGE = "arn:aws:execute-api:us-east-1:123456789012:abcdef1234/prod/";

  @Property(tries = 5000)
  void a_prepared_resource_matches_exactly_what_the_wildcard_matches(
      @ForAll("patterns") String pattern, @ForAll("texts") String text) {
    assertThat(PreparedPolicy.Pattern.of(pattern).matches(text))
        .as("%s against %s", pattern, text)
        .isEqualTo(Wildcard.matches(pattern, text));
  }

  @Property(tries = 3000)
  void a_prepared_resource_matches_as_the_wildcard_does_where_pieces_could_overlap(
      @ForAll("tightPatterns") String pattern, @ForAll("tightTexts") String text) {
    assertThat(PreparedPolicy.Pattern.of(pattern).matches(text))
        .as("%s against %s", pattern, text)
        .isEqualTo(Wildcard.matches(pattern, text));
  }

  @ParameterizedTest(name = "{0} against {1}")
  @CsvSource({
    "ab*ba, aba, false",
    "ab*ba, abba, true",
    "*aa*aa*, aaa, false",
    "*aa*aa*, aaaa, true",
    "a*b*b, ab, false",
    "a*b*b, abb, true",
    "a**a, a, false",
    "*, '', true"
  })
  void pieces_never_overlap_each_other_or_the_ends(String pattern, String text, boolean matches) {
    assertThat(PreparedPolicy.Pattern.of(pattern).matches(text)).isEqualTo(matches);
    assertThat(Wildcard.matches(pattern, text)).isEqualTo(matches);
  }

  @Property(tries = 2000)
  void a_prepared_policy_allows_exactly_what_the_evaluator_allows(
      @ForAll("policies") PolicyDocument policy, @ForAll("texts") String path) {
    String arn = STAGE + path;

    assertThat(PreparedPolicy.of(policy).allows(arn))
        .as("%s against %s", policy, arn)
        .isEqualTo(PolicyEvaluator.allows(policy, arn));
  }

  @Test
  void the_dot_segment_deny_refuses_a_granted_path_that_climbs_out_of_it() {
    // Arrange
    PolicyDocument policy =
        new PolicyDocument(
            List.of(
                new Statement(Effect.Allow, List.of(Statement.INVOKE), List.of(STAGE + "GET/*")),
                new Statement(
                    Effect.Deny,
                    List.of(Statement.INVOKE),
                    List.of(
                        "arn:aws:execute-api:*:*:*/../*", "arn:aws:execute-api:*:*:*/%2e%2e/*"))));

    // Act
    PreparedPolicy prepared = PreparedPolicy.of(policy);

    // Assert
    assertThat(prepared.allows(STAGE + "GET/orders/1")).isTrue();
    assertThat(prepared.allows(STAGE + "GET/orders/../admin")).isFalse();
    assertThat(prepared.allows(STAGE + "GET/orders/%2e%2e/admin")).isFalse();
    assertThat(prepared.allows(STAGE + "POST/orders")).isFalse();
  }

  @Provide
  Arbitrary<String> patterns() {
    return Arbitraries.strings().withChars("ab/.*?").ofMaxLength(8);
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.strings().withChars("ab/.").ofMaxLength(10);
  }

  @Provide
  Arbitrary<String> tightPatterns() {
    return Arbitraries.strings().withChars("a*").ofMaxLength(6);
  }

  @Provide
  Arbitrary<String> tightTexts() {
    return Arbitraries.strings().withChars("ab").ofMaxLength(6);
  }

  @Provide
  Arbitrary<PolicyDocument> policies() {
    Arbitrary<String> resource =
        Arbitraries.oneOf(
            patterns().map(pattern -> STAGE + pattern),
            patterns().map(pattern -> "arn:aws:execute-api:*:*:*/" + pattern));
    Arbitrary<Statement> statement =
        Combinators.combine(
                Arbitraries.of(Effect.class),
                Arbitraries.of(
                        Statement.INVOKE,
                        "execute-api:*",
                        "*",
                        "EXECUTE-API:invoke",
                        "s3:GetObject")
                    .list()
                    .ofMinSize(1)
                    .ofMaxSize(2),
                resource.list().ofMinSize(1).ofMaxSize(4))
            .as(Statement::new);
    return statement.list().ofMaxSize(3).map(PolicyDocument::new);
  }
}
