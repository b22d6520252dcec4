package dev.portcullis.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.adapters.lambda.AuthorizerFailureException;
import dev.portcullis.adapters.lambda.UnauthorizedException;
import dev.portcullis.bootstrap.config.Configuration;
import dev.portcullis.bootstrap.logging.DecisionLogger;
import dev.portcullis.bootstrap.wiring.PortcullisComponent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every shipped example event, run through the deployable handler with the production wiring. */
class LambdaHandlerTest {

  private static final Path EXAMPLES = Path.of("..", "docs", "examples");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ByteArrayOutputStream log = new ByteArrayOutputStream();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "rest-token",
        "rest-request",
        "http-v1",
        "http-v2",
        "http-v2-cookie",
        "websocket-connect"
      })
  void every_example_event_gets_its_expected_response(String example) throws Exception {
    LambdaHandler handler = handler(example.equals("http-v2-cookie") ? "simple" : "iam");

    String response =
        invoke(handler, Files.readString(EXAMPLES.resolve("events/" + example + ".json")));

    JsonNode actual = JSON.readTree(response);
    JsonNode expected =
        JSON.readTree(EXAMPLES.resolve("events/expected/" + example + ".json").toFile());
    assertThat(actual).isEqualTo(expected);
    assertThat(fieldOrder(actual)).isEqualTo(fieldOrder(expected));
    assertThat(log.toString(StandardCharsets.UTF_8))
        .contains("\"requestId\":\"req-1\"")
        .doesNotContain("pcs_demo_");
  }

  @Test
  void the_expired_session_is_unauthorized() throws Exception {
    LambdaHandler handler = handler("iam");
    String event =
        Files.readString(EXAMPLES.resolve("events/rest-token.json"))
            .replace(
                "pcs_demo_admin_0000000000000000000000000000000000",
                "pcs_demo_expired_00000000000000000000000000000000");

    assertThatThrownBy(() -> invoke(handler, event))
        .isInstanceOf(UnauthorizedException.class)
        .hasMessage("Unauthorized");
    assertThat(log.toString(StandardCharsets.UTF_8))
        .contains("\"outcome\":\"unauthenticated\"")
        .contains("\"reason\":\"expired\"")
        .doesNotContain("pcs_demo_expired");
  }

  @Test
  void an_unusable_event_fails_with_another_message_than_unauthorized() {
    LambdaHandler handler = handler("iam");

    assertThatThrownBy(() -> invoke(handler, "{\"type\":\"TOKEN\"}"))
        .isInstanceOf(AuthorizerFailureException.class)
        .satisfies(e -> assertThat(e.getMessage()).isNotEqualTo("Unauthorized"));
  }

  private LambdaHandler handler(String httpResponse) {
    Map<String, String> env = new HashMap<>();
    env.put("PORTCULLIS_RULES", "file:" + EXAMPLES.resolve("rules.json"));
    env.put("PORTCULLIS_SESSIONS_FILE", EXAMPLES.resolve("sessions.json").toString());
    env.put("PORTCULLIS_TOKEN_SOURCES", "header:Authorization,cookie:session,query:access_token");
    env.put("PORTCULLIS_HTTP_RESPONSE", httpResponse);
    Clock clock = Clock.systemUTC();
    return new LambdaHandler(
        PortcullisComponent.create(
            Configuration.fromEnvironment(env),
            clock,
            new DecisionLogger(new PrintStream(log, true, StandardCharsets.UTF_8), clock)));
  }

  private static String invoke(LambdaHandler handler, String event) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(
        new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, new FakeContext());
    return out.toString(StandardCharsets.UTF_8);
  }

  private static List<String> fieldOrder(JsonNode node) {
    List<String> names = new ArrayList<>();
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        names.add(field.getKey());
        names.addAll(fieldOrder(field.getValue()));
      }
    } else if (node.isArray()) {
      node.forEach(element -> names.addAll(fieldOrder(element)));
    }
    return names;
  }

  /** The parts of Lambda's context the handler reads: the request id. */
  private static final class FakeContext implements Context {
    @Override
    public String getAwsRequestId() {
      return "req-1";
    }

    @Override
    public String getLogGroupName() {
      return "/aws/lambda/portcullis";
    }

    @Override
    public String getLogStreamName() {
      return "stream";
    }

    @Override
    public String getFunctionName() {
      return "portcullis";
    }

    @Override
    public String getFunctionVersion() {
      return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
      return "arn:aws:lambda:us-east-1:123456789012:function:portcullis";
    }

    @Override
    public CognitoIdentity getIdentity() {
      return null;
    }

    @Override
    public ClientContext getClientContext() {
      return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
      return 10_000;
    }

    @Override
    public int getMemoryLimitInMB() {
      return 512;
    }

    @Override
    public LambdaLogger getLogger() {
      return null;
    }
  }
}
