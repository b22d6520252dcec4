package dev.portcullis.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs the packaged {@code portcullis.jar} under AWS's own runtime interface client, in a child
 * JVM, against a loopback Runtime API stub. The tests run one after the other: the client rewrites
 * a shared native library in the temp folder at every start.
 */
class RuntimeConformanceIT {

  private static final Path TARGET = Path.of("target");
  private static final Path EXAMPLES =
      Path.of("..", "docs", "examples").toAbsolutePath().normalize();
  private static final String HANDLER = "dev.portcullis.bootstrap.LambdaHandler::handleRequest";

  @Test
  void an_allow_arrives_for_a_token_event_and_unauthorized_arrives_as_the_error_message()
      throws Exception {
    try (RuntimeApiStub api = new RuntimeApiStub()) {
      api.enqueue(Files.readString(EXAMPLES.resolve("events/rest-token.json")));
      api.enqueue(
          "{\"type\":\"TOKEN\",\"authorizationToken\":\"Bearer pcs_not_a_session\","
              + "\"methodArn\":\"arn:aws:execute-api:us-east-1:123456789012:abcdef1234/prod/GET/orders\"}");
      Process runtime =
          start(
              api,
              Map.of(
                  "PORTCULLIS_RULES",
                  "file:" + EXAMPLES.resolve("rules.json"),
                  "PORTCULLIS_SESSIONS_FILE",
                  EXAMPLES.resolve("sessions.json").toString()));
      try {
        RuntimeApiStub.Posted allow = api.awaitPosted(60);
        RuntimeApiStub.Posted denied = api.awaitPosted(30);

        assertThat(allow.path()).isEqualTo("/invocation/req-1/response");
        assertThat(allow.body())
            .startsWith("{\"principalId\":\"alice\",\"policyDocument\":")
            .contains("\"Effect\":\"Allow\"")
            .contains("\"usageIdentifierKey\":\"demo-api-key-alice\"");
        assertThat(denied.path()).isEqualTo("/invocation/req-2/error");
        assertThat(denied.body()).contains("\"errorMessage\":\"Unauthorized\"");
      } finally {
        stop(runtime);
      }
      String log = Files.readString(TARGET.resolve("runtime-client.log"));
      assertThat(log)
          .contains("\"outcome\":\"allow\"")
          .contains("\"outcome\":\"unauthenticated\"")
          .doesNotContain("pcs_demo_admin")
          .doesNotContain("pcs_not_a_session");
    }
  }

  @Test
  void a_broken_configuration_is_reported_as_an_init_error() throws Exception {
    try (RuntimeApiStub api = new RuntimeApiStub()) {
      api.enqueue(Files.readString(EXAMPLES.resolve("events/rest-token.json")));
      Process runtime = start(api, Map.of("PORTCULLIS_BACKENDS", "memory,ldap"));
      try {
        RuntimeApiStub.Posted error = api.awaitPosted(60);

        assertThat(error.path()).isEqualTo("/init/error");
        assertThat(error.body())
            .contains("PORTCULLIS_RULES is not set")
            .contains("unknown backend 'ldap'");
      } finally {
        stop(runtime);
      }
    }
  }

  private static Process start(RuntimeApiStub api, Map<String, String> env) throws Exception {
    Path jar = TARGET.resolve("portcullis.jar");
    assertThat(jar).as("mvn package builds the jar before the integration tests").exists();
    // As on Lambda: the runtime's jars alone on the class path; the function's jar in lib/ of the
    // task root (the working directory), read by the client's own class loader.
    Path taskRoot = TARGET.resolve("conformance-task");
    Files.createDirectories(taskRoot.resolve("lib"));
    Files.copy(jar, taskRoot.resolve("lib/portcullis.jar"), StandardCopyOption.REPLACE_EXISTING);
    List<String> classpath;
    try (Stream<Path> runtime = Files.list(TARGET.resolve("lambda-runtime"))) {
      classpath = runtime.map(p -> p.toAbsolutePath().toString()).sorted().toList();
    }
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                String.join(File.pathSeparator, classpath),
                "com.amazonaws.services.lambda.runtime.api.client.AWSLambda",
                HANDLER)
            .directory(taskRoot.toFile())
            .redirectErrorStream(true)
            .redirectOutput(TARGET.resolve("runtime-client.log").toFile());
    builder
        .environment()
        .keySet()
        .removeIf(k -> k.startsWith("PORTCULLIS_") || k.startsWith("AWS_"));
    builder.environment().putAll(env);
    builder.environment().put("AWS_LAMBDA_RUNTIME_API", api.address());
    builder.environment().put("AWS_LAMBDA_FUNCTION_NAME", "portcullis");
    builder.environment().put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512");
    builder.environment().put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
    builder.environment().put("_HANDLER", HANDLER);
    return builder.start();
  }

  private static void stop(Process process) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
