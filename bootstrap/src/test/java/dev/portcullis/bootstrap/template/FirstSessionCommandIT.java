package dev.portcullis.bootstrap.template;

import static dev.portcullis.bootstrap.template.Template.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.adapters.dynamodb.LocalDynamoDb;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The stack's {@code IssueFirstSession} output, with the template's default parameters filled in as
 * CloudFormation would, runs as written against a table: the command docs/deployment.md tells the
 * reader to paste.
 */
class FirstSessionCommandIT {

  @RegisterExtension static final LocalDynamoDb DYNAMODB = LocalDynamoDb.chosen();

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @Test
  void theFirstSessionCommandIssuesASessionWithTheDeployedRules() throws Exception {
    Template t = Template.repository();
    String table = "first-session-" + System.nanoTime();
    String command =
        String.valueOf(map(t.outputs().get("IssueFirstSession")).get("Value"))
            .replaceFirst("^\\{Fn::Sub=", "")
            .replaceFirst("}$", "")
            .replace("${SessionTable}", table)
            .replace("${AWS::Region}", LocalDynamoDb.REGION)
            .replace("${Rules}", String.valueOf(map(t.parameters().get("Rules")).get("Default")));

    Result created =
        bash(
            "PORTCULLIS_BACKENDS=dynamodb PORTCULLIS_TABLE="
                + table
                + " AWS_REGION="
                + LocalDynamoDb.REGION
                + " PORTCULLIS_RULES='{\"roles\":{}}'"
                + " java -jar bootstrap/target/portcullis.jar table create");
    Result issued = bash(command);

    assertThat(created.code()).as(created.output()).isZero();
    assertThat(command).doesNotContain("${");
    assertThat(issued.code()).as(command + "\n" + issued.output()).isZero();
    assertThat(issued.output()).contains("Issued session").contains("for alice");
  }

  private record Result(int code, String output) {}

  private static Result bash(String command) throws Exception {
    Path output = Files.createTempFile("first-session-", ".out");
    ProcessBuilder builder =
        new ProcessBuilder(List.of("bash", "-c", command))
            .directory(ROOT.toFile())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile());
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(name -> name.startsWith("PORTCULLIS_") || name.startsWith("AWS_"));
    env.put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + env.get("PATH"));
    env.put("AWS_ENDPOINT_URL_DYNAMODB", DYNAMODB.endpoint().toString());
    env.put("AWS_EC2_METADATA_DISABLED", "true");
    Process process = builder.start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(command + " did not end within 120 s");
    }
    return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
  }
}
