package dev.portcullis.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.bootstrap.runtimeapi.RuntimeApiStub;
import dev.portcullis.bootstrap.runtimeapi.RuntimeClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
        RuntimeClient.stop(runtime);
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
        RuntimeClient.stop(runtime);
      }
    }
  }

  private static Process start(RuntimeApiStub api, Map<String, String> env) throws Exception {
    Path jar = TARGET.resolve("portcullis.jar");
    assertThat(jar).as("mvn package builds the jar before the integration tests").exists();
    RuntimeClient client =
        RuntimeClient.install(
            jar, TARGET.resolve("lambda-runtime"), TARGET.resolve("conformance-task"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return client.start(List.of(java), api, env, TARGET.resolve("runtime-client.log"));
  }
}
