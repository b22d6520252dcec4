package dev.portcullis.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The SDK itself honours {@code AWS_ENDPOINT_URL_DYNAMODB}, and on Lambda the client takes its keys
 * from the environment: checked in a child JVM, since a JVM cannot change its own environment.
 */
class EndpointFromEnvironmentIT {

  @RegisterExtension static final LocalDynamoDb SERVER = LocalDynamoDb.chosen();

  @Test
  void a_client_without_override_reaches_the_endpoint_the_environment_names() throws Exception {
    // Arrange
    String table = SERVER.newTable();
    ProcessBuilder child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                EndpointProbe.class.getName(),
                table)
            .redirectErrorStream(true);
    Map<String, String> environment = child.environment();
    environment.keySet().removeIf(name -> name.startsWith("AWS_"));
    environment.put("AWS_ENDPOINT_URL_DYNAMODB", SERVER.endpoint().toString());
    environment.put("AWS_REGION", LocalDynamoDb.REGION);
    environment.put("AWS_LAMBDA_FUNCTION_NAME", "portcullis-probe");
    environment.put("AWS_ACCESS_KEY_ID", "portcullis-test");
    environment.put("AWS_SECRET_ACCESS_KEY", "portcullis-test-secret");

    // Act
    String output = run(child);

    // Assert
    assertThat(output).contains("table " + table + " is ACTIVE");
  }

  private static String run(ProcessBuilder builder) throws IOException, InterruptedException {
    Process process = builder.start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the probe JVM did not finish within 60 s");
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as("probe output:%n%s", output).isZero();
    return output;
  }
}
