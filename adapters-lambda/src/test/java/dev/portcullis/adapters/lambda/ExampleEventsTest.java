package dev.portcullis.adapters.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example event in docs/examples/events produces exactly its expected response. Run with
 * {@code -Dportcullis.regenerateExamples=true} to rewrite the expected files, then read them.
 */
class ExampleEventsTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  // Two-space indents, one array item per line, "key": value: easy to read and to diff.
  private static final DefaultPrettyPrinter PRETTY =
      new DefaultPrettyPrinter()
          .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE)
          .withSeparators(
              Separators.createDefaultInstance()
                  .withObjectFieldValueSpacing(Separators.Spacing.AFTER));

  static Stream<Arguments> examples() {
    return Stream.of(
        Arguments.of("rest-token", HttpResponseMode.IAM, EventKind.REST_TOKEN, "allow"),
        Arguments.of("rest-request", HttpResponseMode.IAM, EventKind.REST_REQUEST, "allow"),
        Arguments.of("http-v1", HttpResponseMode.IAM, EventKind.HTTP_V1, "deny"),
        Arguments.of("http-v2", HttpResponseMode.IAM, EventKind.HTTP_V2, "allow"),
        Arguments.of("http-v2-cookie", HttpResponseMode.SIMPLE, EventKind.HTTP_V2, "allow"),
        Arguments.of("websocket-connect", HttpResponseMode.IAM, EventKind.WEBSOCKET, "allow"));
  }

  @ParameterizedTest(name = "{0} answers exactly as expected/{0}.json")
  @MethodSource("examples")
  void anExampleEventProducesExactlyItsExpectedResponse(
      String name, HttpResponseMode mode, EventKind kind, String outcome) throws IOException {
    // Arrange
    Harness harness = Harness.demo(mode);
    Path expectedFile = Demo.events().resolve("expected").resolve(name + ".json");

    // Act
    Harness.Run run = harness.run(Demo.example(name));

    // Assert
    assertThat(run.thrown()).isNull();
    JsonNode actual = MAPPER.readTree(run.output());
    if (Boolean.getBoolean("portcullis.regenerateExamples")) {
      Files.writeString(expectedFile, MAPPER.writer(PRETTY).writeValueAsString(actual) + "\n");
    }
    JsonNode expected = MAPPER.readTree(expectedFile.toFile());
    assertThat(actual).isEqualTo(expected);
    assertThat(fieldOrder(actual)).isEqualTo(fieldOrder(expected));
    assertThat(run.records()).hasSize(1);
    assertThat(run.record().kind()).isEqualTo(kind);
    assertThat(run.record().outcome().logName()).isEqualTo(outcome);
  }

  /** Every object's field names, depth first, so that field order is compared too. */
  private static List<String> fieldOrder(JsonNode node) {
    List<String> names = new ArrayList<>();
    collect(node, "", names);
    return names;
  }

  private static void collect(JsonNode node, String path, List<String> names) {
    if (node.isObject()) {
      Iterator<String> fields = node.fieldNames();
      while (fields.hasNext()) {
        String field = fields.next();
        names.add(path + "/" + field);
        collect(node.get(field), path + "/" + field, names);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collect(node.get(i), path + "/" + i, names);
      }
    }
  }
}
