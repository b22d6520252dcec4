package dev.portcullis.bootstrap.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.adapters.dynamodb.LocalDynamoDb;
import dev.portcullis.bootstrap.LoopbackJwks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every shell block of README.md and docs/ marked {@code runnable} runs as written, with bash, from
 * the repository root, against the built jar, and ends with the exit code and the output it
 * promises. The blocks of one file run in order and share their exported variables, as in one
 * terminal. They get a home of their own (so no AWS credentials), a DynamoDB-compatible server in
 * {@code AWS_ENDPOINT_URL_DYNAMODB} and an issuer's JWKS on loopback in {@code JWKS_URL}.
 */
class DocumentationIT {

  /** The repository root: tests run in the {@code bootstrap} folder. */
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  /** The pages whose blocks run. */
  static final List<String> PAGES = pages();

  private static final long BLOCK_TIMEOUT_SECONDS = 180;

  @RegisterExtension static final LocalDynamoDb DYNAMODB = LocalDynamoDb.chosen();

  private static LoopbackJwks jwks;
  private static Path work;

  @BeforeAll
  static void start() throws IOException {
    jwks = LoopbackJwks.start();
    work = Files.createTempDirectory("portcullis-docs-");
  }

  @AfterAll
  static void stop() {
    jwks.close();
  }

  @Test
  void theReadmeAndTheGuidesHaveRunnableBlocks() {
    Map<String, Integer> counts = new HashMap<>();
    PAGES.forEach(page -> counts.put(page, RunnableBlock.in(ROOT, page).size()));

    assertThat(counts.get("README.md")).isGreaterThanOrEqualTo(5);
    assertThat(counts.get("docs/dynamodb.md")).isGreaterThanOrEqualTo(2);
    assertThat(counts.get("docs/jwt.md")).isGreaterThanOrEqualTo(2);
    assertThat(counts.get("docs/deployment.md")).isGreaterThanOrEqualTo(1);
  }

  @TestFactory
  Stream<DynamicContainer> everyRunnableBlockRunsAsWritten() {
    return PAGES.stream()
        .filter(page -> !RunnableBlock.in(ROOT, page).isEmpty())
        .map(
            page -> {
              Path state = work.resolve(page.replace('/', '_') + ".env");
              return DynamicContainer.dynamicContainer(
                  page,
                  RunnableBlock.in(ROOT, page).stream()
                      .map(
                          block ->
                              DynamicTest.dynamicTest(block.where(), () -> run(block, state))));
            });
  }

  private static void run(RunnableBlock block, Path state) throws Exception {
    Path home = Files.createDirectories(work.resolve("home"));
    Path script = work.resolve("block.sh");
    Files.writeString(
        script,
        "set -eo pipefail\n"
            + "if [ -f \"$DOCS_STATE_FILE\" ]; then . \"$DOCS_STATE_FILE\"; fi\n"
            + "trap 'export -p > \"$DOCS_STATE_FILE\"' EXIT\n"
            + block.script());
    Path output = work.resolve("block.out");
    ProcessBuilder builder =
        new ProcessBuilder("bash", script.toString())
            .directory(ROOT.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
            .redirectErrorStream(true)
            .redirectOutput(output.toFile());
    Map<String, String> env = builder.environment();
    env.clear();
    env.put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + System.getenv("PATH"));
    env.put("HOME", home.toString());
    env.put("LANG", "C.UTF-8");
    env.put("AWS_EC2_METADATA_DISABLED", "true");
    env.put("AWS_ENDPOINT_URL_DYNAMODB", DYNAMODB.endpoint().toString());
    env.put("JWKS_URL", jwks.url().toString());
    env.put("DOCS_STATE_FILE", state.toString());
    Process process = builder.start();
    if (!process.waitFor(BLOCK_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(
          block.where() + " did not end within " + BLOCK_TIMEOUT_SECONDS + " s");
    }
    String printed = Files.readString(output, StandardCharsets.UTF_8);
    String context = block.where() + ":\n" + block.script() + "--- printed:\n" + printed;

    assertThat(process.exitValue()).as(context).isEqualTo(block.exitCode());
    for (String promise : block.prints()) {
      assertThat(printed).as(context).contains(promise);
    }
  }

  private static List<String> pages() {
    List<String> pages = new ArrayList<>();
    pages.add("README.md");
    try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md"))
          .map(p -> "docs/" + p.getFileName())
          .sorted()
          .forEach(pages::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    pages.add("docs/examples/events/README.md");
    return List.copyOf(pages);
  }
}
