package dev.portcullis.adapters.lambda;

import static dev.portcullis.adapters.lambda.Demo.ADMIN_TOKEN;
import static dev.portcullis.adapters.lambda.Demo.EXPIRED_TOKEN;
import static dev.portcullis.adapters.lambda.Demo.READER_TOKEN;
import static dev.portcullis.adapters.lambda.Demo.STAGE_PREFIX;
import static dev.portcullis.adapters.lambda.Demo.tokenEvent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.domain.port.in.Explanation;
import dev.portcullis.domain.port.in.Explanation.Status;
import dev.portcullis.domain.service.AuthorizeService;
import dev.portcullis.domain.service.ExplainService;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Tests that an event is explained with the status and reason its real handling comes to. */
class EventExplainerTest {

  static List<BadInputs.Case> badInputs() {
    return BadInputs.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInputs")
  void aBadInputIsExplainedWithTheStatusAndReasonTheHandlerLogs(BadInputs.Case badInput) {
    // Arrange
    Harness.Run run = new Harness(badInput.settings()).run(badInput.event().get());

    // Act
    Explanation explanation = explainer(badInput.settings()).explain(bytes(badInput.event().get()));

    // Assert
    assertThat(explanation.status()).isEqualTo(statusOf(run));
    assertThat(explanation.reason()).isEqualTo(run.record().reason());
    assertThat(explanation.identity()).isEmpty();
    BadInputs.SECRETS.forEach(secret -> assertThat(explanation.toString()).doesNotContain(secret));
  }

  static Stream<Arguments> events() {
    return Stream.of(
        Arguments.of("an admin anywhere", tokenEvent(ADMIN_TOKEN, STAGE_PREFIX + "DELETE/x"), 200),
        Arguments.of("a reader on orders", tokenEvent(READER_TOKEN), 200),
        Arguments.of("a reader elsewhere", tokenEvent(READER_TOKEN, STAGE_PREFIX + "POST/x"), 403),
        Arguments.of("an expired token", tokenEvent(EXPIRED_TOKEN), 401),
        Arguments.of("an unknown token", tokenEvent("pcs_nobody_knows_this_one"), 401));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("events")
  void anEventIsExplainedWithTheStatusItsHandlingComesTo(String call, String event, int status) {
    // Arrange
    Harness.Run run = Harness.demo().run(event);

    // Act
    Explanation explanation =
        explainer(AdapterSettings.defaults()).explain(event.getBytes(StandardCharsets.UTF_8));

    // Assert
    assertThat(explanation.status().code()).isEqualTo(status);
    assertThat(explanation.status()).isEqualTo(statusOf(run));
    assertThat(explanation.reason()).isEqualTo(run.record().reason());
  }

  private static EventExplainer explainer(AdapterSettings settings) {
    AuthorizeService decisions = Demo.useCase();
    return new EventExplainer(new ExplainService(decisions), settings);
  }

  /** The status API Gateway answers for a run of the handler. */
  private static Status statusOf(Harness.Run run) {
    if (run.thrown() instanceof UnauthorizedException) {
      return Status.UNAUTHORIZED;
    }
    if (run.thrown() != null) {
      return Status.FAILED;
    }
    return run.record().outcome() == Outcome.ALLOW ? Status.ALLOWED : Status.FORBIDDEN;
  }

  private static byte[] bytes(InputStream event) {
    if (event == null) {
      return null;
    }
    try (event) {
      return event.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
