package dev.portcullis.adapters.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The request path is the client's: whatever characters it holds, the example events with that path
 * in their ARN get exactly the answer they get on their own path when their credential is good, and
 * 401 when it is not; never a 500.
 */
class ClientPathTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Paths any client can ask for, each holding characters that once looked like a bad ARN. */
  static final List<String> PATHS =
      List.of(
          "/files/*",
          "/*",
          "/files/report?.pdf",
          "/files/%2e%2e/%2Fadmin",
          "/files/$connect",
          "/$connect",
          "/files/$default",
          "/files/a b",
          "/files/caf\u00E9/\u00FCber",
          "/files/\uD83D\uDE00",
          "/files/a:b@c;d=e,f",
          "/orders/../admin",
          "//orders//");

  /** The example events whose ARN has a path, and how each is answered. */
  private static final List<Arguments> EXAMPLES =
      List.of(
          Arguments.of("rest-token", HttpResponseMode.IAM, EventKind.REST_TOKEN),
          Arguments.of("rest-request", HttpResponseMode.IAM, EventKind.REST_REQUEST),
          Arguments.of("http-v1", HttpResponseMode.IAM, EventKind.HTTP_V1),
          Arguments.of("http-v2", HttpResponseMode.IAM, EventKind.HTTP_V2),
          Arguments.of("http-v2-cookie", HttpResponseMode.SIMPLE, EventKind.HTTP_V2));

  private static final Pattern ARN =
      Pattern.compile("(\"(?:methodArn|routeArn)\"\\s*:\\s*\"arn:[^\"]*?/prod/[A-Z]+)(/[^\"]*)\"");

  static Stream<Arguments> examplesOnEveryPath() {
    List<Arguments> cases = new ArrayList<>();
    for (Arguments example : EXAMPLES) {
      for (String path : PATHS) {
        Object[] values = example.get();
        cases.add(Arguments.of(values[0], values[1], values[2], path));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} on {3}")
  @MethodSource("examplesOnEveryPath")
  void aGoodCredentialGetsTheSameAnswerWhateverThePath(
      String name, HttpResponseMode mode, EventKind kind, String path) throws IOException {
    // Arrange
    Harness harness = Harness.demo(mode);
    JsonNode onItsOwnPath = MAPPER.readTree(harness.run(Demo.example(name)).output());

    // Act
    Harness.Run run = harness.run(onPath(Demo.example(name), path));

    // Assert
    assertThat(run.thrown()).as("thrown").isNull();
    assertThat(run.record().kind()).isEqualTo(kind);
    JsonNode answer = MAPPER.readTree(run.output());
    if (mode == HttpResponseMode.IAM) {
      assertThat(answer).isEqualTo(onItsOwnPath);
    } else {
      assertThat(answer.get("context")).isEqualTo(onItsOwnPath.get("context"));
      assertThat(answer.get("isAuthorized").isBoolean()).isTrue();
    }
    assertThat(run.record().outcome().logName()).isIn("allow", "deny");
  }

  @ParameterizedTest(name = "{0} on {3}")
  @MethodSource("examplesOnEveryPath")
  void aJunkCredentialIsUnauthorizedWhateverThePath(
      String name, HttpResponseMode mode, EventKind kind, String path) {
    // Arrange: every demo token in the event replaced by one no backend knows.
    String event = onPath(Demo.example(name), path);
    for (String token : Demo.TOKENS) {
      event = event.replace(token, "pcs_junk_" + "0".repeat(40));
    }

    // Act
    Harness.Run run = Harness.demo(mode).run(event);

    // Assert
    assertThat(run.thrown()).isInstanceOf(UnauthorizedException.class);
    assertThat(run.output()).isEmpty();
    assertThat(run.record().kind()).isEqualTo(kind);
    assertThat(run.record().reason()).isEqualTo("not_found");
  }

  /** The event with the path of its ARN replaced, written as JSON text. */
  static String onPath(String event, String path) {
    Matcher arn = ARN.matcher(event);
    assertThat(arn.find()).as("the example has an ARN with a path").isTrue();
    String quoted = Demo.q(path);
    return event.substring(0, arn.start())
        + arn.group(1)
        + quoted.substring(1, quoted.length() - 1)
        + "\""
        + event.substring(arn.end());
  }
}
