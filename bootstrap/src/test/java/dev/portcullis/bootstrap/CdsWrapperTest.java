package dev.portcullis.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Lambda exec wrapper {@code portcullis-cds} rewrites the runtime's command line as its header
 * says. A fake {@code java} prints the arguments it receives, one per line, and whether the
 * wrapper's own variables reached it. The real JVM under the wrapper is exercised by the AppCDS
 * training during {@code package}.
 */
class CdsWrapperTest {

  private static final Path WRAPPER = Path.of("src/main/lambda/portcullis-cds");

  /** The java17 runtime's own flags, as captured on Lambda (docs/performance.md). */
  private static final List<String> LAMBDA_JAVA17 =
      List.of(
          "-XX:+UseSerialGC",
          "-Xshare:on",
          "-XX:SharedArchiveFile=/var/lang/lib/server/runtime.jsa",
          "-XX:TieredStopAtLevel=1",
          "-classpath",
          "/var/runtime/lib/a.jar:/var/runtime/lib/b c.jar",
          "com.amazonaws.services.lambda.runtime.api.client.AWSLambda",
          "dev.portcullis.bootstrap.LambdaHandler::handleRequest");

  @TempDir Path dir;
  private Path fakeJava;
  private Path archive;

  @BeforeEach
  void fakeJavaAndArchive() throws IOException {
    fakeJava = dir.resolve("java");
    Files.writeString(
        fakeJava,
        "#!/bin/sh\nfor a do echo \"$a\"; done\necho \"env:${PORTCULLIS_CDS_ARCHIVE:-}"
            + "${PORTCULLIS_CDS_TRAIN:-}${PORTCULLIS_CDS:-}\"\n");
    fakeJava.toFile().setExecutable(true);
    archive = dir.resolve("portcullis.jsa");
    Files.write(archive, new byte[] {1});
  }

  @Test
  void the_archive_goes_on_top_of_the_runtimes_own_and_sharing_falls_back_instead_of_failing()
      throws Exception {
    List<String> args = run(Map.of("PORTCULLIS_CDS_ARCHIVE", archive.toString()), LAMBDA_JAVA17);

    assertThat(args)
        .containsExactly(
            "-XX:+UseSerialGC",
            "-Xshare:auto",
            "-XX:SharedArchiveFile=/var/lang/lib/server/runtime.jsa:" + archive,
            "-XX:TieredStopAtLevel=1",
            "-classpath",
            "/var/runtime/lib/a.jar:/var/runtime/lib/b c.jar",
            "com.amazonaws.services.lambda.runtime.api.client.AWSLambda",
            "dev.portcullis.bootstrap.LambdaHandler::handleRequest",
            "env:");
  }

  @Test
  void a_runtime_that_names_no_archive_gets_the_archive_alone_with_sharing_on_auto()
      throws Exception {
    List<String> args =
        run(Map.of("PORTCULLIS_CDS_ARCHIVE", archive.toString()), List.of("-cp", "x.jar", "Main"));

    assertThat(args)
        .containsExactly(
            "-XX:SharedArchiveFile=" + archive, "-Xshare:auto", "-cp", "x.jar", "Main", "env:");
  }

  @Test
  void the_task_root_archive_is_the_default_and_a_missing_one_leaves_the_command_unchanged()
      throws Exception {
    assertThat(run(Map.of("LAMBDA_TASK_ROOT", dir.toString()), List.of("-Xshare:on", "Main")))
        .containsExactly(
            "-XX:SharedArchiveFile=" + archive, "-Xshare:auto", "-Xshare:auto", "Main", "env:");

    Files.delete(archive);

    assertThat(run(Map.of("LAMBDA_TASK_ROOT", dir.toString()), LAMBDA_JAVA17))
        .containsSequence(LAMBDA_JAVA17);
  }

  @Test
  void turning_it_off_runs_the_runtimes_command_unchanged() throws Exception {
    List<String> args =
        run(
            Map.of("PORTCULLIS_CDS_ARCHIVE", archive.toString(), "PORTCULLIS_CDS", "off"),
            LAMBDA_JAVA17);

    assertThat(args).hasSize(LAMBDA_JAVA17.size() + 1).containsSequence(LAMBDA_JAVA17);
    assertThat(args.get(args.size() - 1)).isEqualTo("env:");
  }

  @Test
  void training_writes_the_archive_at_exit_on_top_of_the_runtimes_own_and_keeps_its_flags()
      throws Exception {
    Path out = dir.resolve("trained.jsa");
    List<String> args = run(Map.of("PORTCULLIS_CDS_TRAIN", out.toString()), LAMBDA_JAVA17);

    List<String> expected = new ArrayList<>();
    expected.add("-XX:ArchiveClassesAtExit=" + out);
    expected.addAll(LAMBDA_JAVA17);
    expected.add("env:");
    assertThat(args).containsExactlyElementsOf(expected);
  }

  private List<String> run(Map<String, String> env, List<String> runtimeArgs) throws Exception {
    List<String> command = new ArrayList<>(List.of("sh", WRAPPER.toString(), fakeJava.toString()));
    command.addAll(runtimeArgs);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().keySet().removeIf(k -> k.startsWith("PORTCULLIS_"));
    builder.environment().remove("LAMBDA_TASK_ROOT");
    builder.environment().putAll(env);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(output).isZero();
    return output.lines().toList();
  }
}
