package dev.portcullis.adapters.lambda;

import static dev.portcullis.adapters.lambda.Demo.tokenEvent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.adapters.inmemory.InMemorySessionStore;
import dev.portcullis.domain.answer.AnswerLimits;
import dev.portcullis.domain.model.Credential;
import dev.portcullis.domain.model.Identity;
import dev.portcullis.domain.model.Session;
import dev.portcullis.domain.port.in.AuthorizeUseCase;
import dev.portcullis.domain.rules.AccessRules;
import dev.portcullis.domain.rules.InvalidRulesException;
import dev.portcullis.domain.service.AuthorizeService;
import dev.portcullis.domain.service.SessionIdentityResolver;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every answer is encoded and measured before it is written: one over API Gateway's 8,192 bytes is
 * a failure, never a truncated policy. The rules hold each role to the limit for stage names of up
 * to 32 characters; API Gateway allows 128, and on such a stage a role near the limit, held by an
 * identity with a full context, really does produce an answer that does not fit.
 */
class AnswerSizeTest {

  private static final String TOKEN = "pcs_big_identity_000000000000000000000000000000000";
  private static final String PREFIX = "arn:aws-us-gov:execute-api:ap-southeast-1:123456789012:";
  private static final String LONG_STAGE = PREFIX + "abcdef1234/" + "s".repeat(128) + "/GET/r0";
  private static final String SHORT_STAGE = PREFIX + "abcdef1234/prod/GET/r0";

  private static AuthorizeUseCase useCase;

  @BeforeAll
  static void aRoleNearTheLimitAndAnIdentityWithAFullContext() {
    AccessRules rules = largestAcceptedRole();
    Map<String, String> attributes = new LinkedHashMap<>();
    for (int i = 0; i < 8; i++) {
      attributes.put("attribute" + i, "v".repeat(1000));
    }
    Identity identity =
        new Identity(
            "p".repeat(128),
            Set.of("big"),
            attributes,
            Demo.NOW.plusSeconds(3600),
            "memory",
            Optional.of("k".repeat(128)));
    InMemorySessionStore store = new InMemorySessionStore();
    store.create(
        new Session(
            Credential.parse(TOKEN).orElseThrow().fingerprint(),
            identity,
            Demo.NOW.minusSeconds(60),
            Optional.empty()));
    Clock clock = Clock.fixed(Demo.NOW, ZoneOffset.UTC);
    useCase =
        new AuthorizeService(
            List.of(new SessionIdentityResolver("memory", store, clock)), rules, clock);
  }

  @Test
  void anAnswerOverTheLimitIsAFailureThatWritesNothing() {
    // Act
    Harness.Run run =
        new Harness(useCase, AdapterSettings.defaults()).run(tokenEvent(TOKEN, LONG_STAGE));

    // Assert
    assertThat(run.thrown())
        .isInstanceOf(AuthorizerFailureException.class)
        .hasMessageStartingWith("Authorizer failure: the answer would take ")
        .hasMessageEndingWith(" bytes, over API Gateway's limit of 8192 (request id req-1)")
        .hasMessageNotContaining(TOKEN);
    assertThat(((AuthorizerFailureException) run.thrown()).invalidEvent()).isFalse();
    assertThat(run.output()).as("bytes written").isEmpty();
    Matcher size = Pattern.compile("take (\\d+) bytes").matcher(run.thrown().getMessage());
    assertThat(size.find()).isTrue();
    assertThat(Integer.parseInt(size.group(1))).isGreaterThan(AnswerLimits.MAX_ANSWER_BYTES);
    DecisionRecord record = run.record();
    assertThat(record.outcome()).isEqualTo(Outcome.ERROR);
    assertThat(record.reason()).isEqualTo("answer_too_large");
    assertThat(record.cause()).contains(size.group(1) + " bytes, over 8192");
  }

  @Test
  void theSameIdentityOnAStageOfUsualLengthIsAnsweredInFull() {
    // Act
    Harness.Run run =
        new Harness(useCase, AdapterSettings.defaults()).run(tokenEvent(TOKEN, SHORT_STAGE));

    // Assert
    assertThat(run.thrown()).isNull();
    assertThat(run.output().length).isLessThanOrEqualTo(AnswerLimits.MAX_ANSWER_BYTES);
    assertThat(run.text()).endsWith("\"usageIdentifierKey\":\"" + "k".repeat(128) + "\"}");
    assertThat(run.record().outcome()).isEqualTo(Outcome.ALLOW);
  }

  /** Rules with one role, {@code big}, of as many grants as the rules accept, and one more. */
  private static AccessRules largestAcceptedRole() {
    List<String> grants = new ArrayList<>();
    AccessRules accepted = null;
    for (int i = 0; ; i++) {
      grants.add("GET /r" + i);
      try {
        accepted = AccessRules.of(Map.of("big", List.copyOf(grants)));
      } catch (InvalidRulesException tooLarge) {
        assertThat(accepted).as("at least one grant fits").isNotNull();
        return accepted;
      }
    }
  }
}
