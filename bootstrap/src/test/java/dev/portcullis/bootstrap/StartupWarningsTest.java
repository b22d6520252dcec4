package dev.portcullis.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.bootstrap.wiring.PortcullisComponent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Lambda's start-up writes each configuration warning as a JSON log line, and goes on. */
class StartupWarningsTest {

  private static final String RULES = "{\"roles\": {\"admin\": [\"* /*\"]}}";

  @Test
  void aTableVariableForAJwtOnlyChainIsAWarnLineAndTheAuthorizerStarts() throws Exception {
    ByteArrayOutputStream log = new ByteArrayOutputStream();

    PortcullisComponent component =
        Portcullis.fromEnvironment(
            Map.of(
                "PORTCULLIS_RULES", RULES,
                "PORTCULLIS_BACKENDS", "jwt",
                "PORTCULLIS_JWT_ISSUER", "https://issuer.example.com/",
                "PORTCULLIS_JWT_AUDIENCE", "api",
                "PORTCULLIS_TABLE", "portcullis-sessions"),
            new PrintStream(log, true, StandardCharsets.UTF_8));

    assertThat(component.identityChain()).hasSize(1);
    List<String> lines = log.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).hasSize(1);
    JsonNode line = new ObjectMapper().readTree(lines.get(0));
    assertThat(line.get("level").asText()).isEqualTo("WARN");
    assertThat(line.get("message").asText())
        .startsWith("Portcullis configuration: PORTCULLIS_TABLE is set, but PORTCULLIS_BACKENDS")
        .contains("add dynamodb to PORTCULLIS_BACKENDS");
  }

  @Test
  void aConfigurationWithoutWarningsWritesNothingAtStartUp() {
    ByteArrayOutputStream log = new ByteArrayOutputStream();

    Portcullis.fromEnvironment(
        Map.of("PORTCULLIS_RULES", RULES), new PrintStream(log, true, StandardCharsets.UTF_8));

    assertThat(log.size()).isZero();
  }
}
