package dev.portcullis.adapters.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.domain.port.in.AuthorizeUseCase;
import dev.portcullis.domain.port.out.BackendUnavailableException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * No raw token leaves the adapter by any door: standard output and error, the decision records, the
 * responses, and the exceptions with their causes and stack traces.
 */
class NoTokenLeakTest {

  private static final List<String> EXAMPLES =
      List.of(
          "rest-token",
          "rest-request",
          "http-v1",
          "http-v2",
          "http-v2-cookie",
          "websocket-connect");

  @Test
  void noTokenAppearsInAnyOutputOfTheBadInputsTheExamplesOrTheFailures() {
    // Arrange
    List<Harness.Run> runs = new ArrayList<>();
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    PrintStream out = System.out;
    PrintStream err = System.err;
    PrintStream capture = new PrintStream(console, true, StandardCharsets.UTF_8);

    // Act
    System.setOut(capture);
    System.setErr(capture);
    try {
      for (BadInputs.Case badInput : BadInputs.all()) {
        runs.add(new Harness(badInput.settings()).run(badInput.event().get()));
      }
      for (String example : EXAMPLES) {
        runs.add(Harness.demo().run(Demo.example(example)));
        runs.add(Harness.demo(HttpResponseMode.SIMPLE).run(Demo.example(example)));
      }
      runs.addAll(failures());
    } finally {
      System.setOut(out);
      System.setErr(err);
    }

    // Assert
    StringBuilder everything = new StringBuilder(console.toString(StandardCharsets.UTF_8));
    for (Harness.Run run : runs) {
      everything.append(run.text()).append('\n');
      run.records().forEach(r -> everything.append(r).append('\n'));
      if (run.thrown() != null) {
        everything.append(describe(run.thrown()));
      }
    }
    assertThat(runs).hasSizeGreaterThan(BadInputs.all().size());
    assertThat(everything).contains("Unauthorized", "Invalid authorizer event", "alice");
    for (String secret : BadInputs.SECRETS) {
      assertThat(everything.toString()).as("output holding a secret").doesNotContain(secret);
    }
  }

  /** Runs where a backend, the use case or the observer fails with the token in reach. */
  private static List<Harness.Run> failures() {
    AuthorizeUseCase down =
        request -> {
          throw new BackendUnavailableException(
              "dynamodb", "throttled", new RuntimeException("ProvisionedThroughputExceeded"));
        };
    AuthorizeUseCase quoting =
        request -> {
          throw new IllegalArgumentException(
              "bad token " + request.presentedCredential().orElse(""),
              new IllegalStateException(request.presentedCredential().orElse("")));
        };
    List<Harness.Run> runs = new ArrayList<>();
    for (AuthorizeUseCase useCase : List.of(down, quoting)) {
      Harness harness = new Harness(useCase, AdapterSettings.defaults());
      runs.add(harness.run(Demo.tokenEvent("Bearer " + Demo.ADMIN_TOKEN)));
      runs.add(harness.run(Demo.example("rest-request")));
    }
    AuthorizerAdapter throwingObserver =
        new AuthorizerAdapter(
            Demo.useCase(),
            AdapterSettings.defaults(),
            r -> {
              throw new IllegalStateException("observer saw " + r);
            },
            () -> 0L);
    try {
      throwingObserver.handle(
          new java.io.ByteArrayInputStream(
              Demo.tokenEvent(Demo.ADMIN_TOKEN).getBytes(StandardCharsets.UTF_8)),
          new ByteArrayOutputStream(),
          "req-2");
    } catch (Exception e) {
      runs.add(new Harness.Run(new byte[0], new IllegalStateException(e), List.of()));
    }
    return runs;
  }

  /** The exception as a log would print it: messages, causes, suppressed and stack traces. */
  private static String describe(Throwable thrown) {
    StringWriter text = new StringWriter();
    thrown.printStackTrace(new PrintWriter(text));
    if (thrown instanceof UnauthorizedException) {
      text.append(((UnauthorizedException) thrown).reason());
    }
    if (thrown instanceof AuthorizerFailureException) {
      text.append(((AuthorizerFailureException) thrown).reason());
    }
    return text.append('\n').toString();
  }
}
