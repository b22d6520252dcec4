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
 * says. A fake {@code java}, in a fake JDK with a release file, prints the arguments it receives,
 * one per line, and whether the wrapper's own variables reached it. The real JVM under the wrapper
 * is exercised by the AppCDS training during {@code package}.
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

  /** The lines of the fake JDK's release file that tell one JVM build from another. */
  private static final String IDENTITY =
      "IMPLEMENTOR=\"Amazon.com Inc.\"\nJAVA_RUNTIME_VERSION=\"17.0.13+11-LTS\"\n";

  @TempDir Path dir;
  private Path fakeJava;
  private Path archive;
  private String stderr;

  @BeforeEach
  void fakeJavaAndArchive() throws IOException {
    Path jdk = dir.resolve("jdk");
    Files.createDirectories(jdk.resolve("bin"));
    Files.writeString(
        jdk.resolve("release"), "JAVA_VERSION=\"17.0.13\"\n" + IDENTITY + "OS_NAME=\"Linux\"");
    fakeJava = jdk.resolve("bin/java");
    Files.writeString(
        fakeJava,
        "#!/bin/sh\nfor a do echo \"$a\"; done\necho \"env:${PORTCULLIS_CDS_ARCHIVE:-}"
            + "${PORTCULLIS_CDS_TRAIN:-}${PORTCULLIS_CDS:-}\"\n");
    fakeJava.toFile().setExecutable(true);
    archive = dir.resolve("portcullis.jsa");
    Files.write(archive, new byte[] {1});
    Files.writeString(dir.resolve("portcullis.jsa.jvm"), IDENTITY);
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
  void an_archive_trained_on_another_jvm_is_skipped_with_one_line_on_stderr() throws Exception {
    Files.writeString(
        dir.resolve("portcullis.jsa.jvm"),
        IDENTITY.replace("17.0.13+11-LTS", "17.0.15+6-Debian-1deb12u1"));

    List<String> args = run(Map.of("PORTCULLIS_CDS_ARCHIVE", archive.toString()), LAMBDA_JAVA17);

    assertThat(args).hasSize(LAMBDA_JAVA17.size() + 1).containsSequence(LAMBDA_JAVA17);
    assertThat(stderr.lines())
        .containsExactly(
            "portcullis-cds: "
                + archive
                + " was trained on another JVM than "
                + fakeJava
                + "; starting without it");
  }

  @Test
  void an_archive_without_its_jvm_record_or_a_jvm_without_a_release_file_is_skipped()
      throws Exception {
    Files.delete(dir.resolve("portcullis.jsa.jvm"));
    assertThat(run(Map.of("PORTCULLIS_CDS_ARCHIVE", archive.toString()), LAMBDA_JAVA17))
        .containsSequence(LAMBDA_JAVA17)
        .noneMatch(arg -> arg.contains(archive.toString()));

    Files.writeString(dir.resolve("portcullis.jsa.jvm"), IDENTITY);
    Files.delete(dir.resolve("jdk/release"));
    assertThat(run(Map.of("PORTCULLIS_CDS_ARCHIVE", archive.toString()), LAMBDA_JAVA17))
        .containsSequence(LAMBDA_JAVA17)
        .noneMatch(arg -> arg.contains(archive.toString()));
  }

  @Test
  void a_java_named_by_a_link_or_found_on_the_path_is_told_by_its_real_jdk() throws Exception {
    Path links = Files.createDirectories(dir.resolve("links/bin"));
    Path link = Files.createSymbolicLink(links.resolve("java"), fakeJava);
    List<String> expected =
        List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto", "Main", "env:");

    assertThat(run(link.toString(), Map.of("PORTCULLIS_CDS_ARCHIVE", archive.toString()), "Main"))
        .containsExactlyElementsOf(expected);
    assertThat(
            run(
                "java",
                Map.of(
                    "PORTCULLIS_CDS_ARCHIVE",
                    archive.toString(),
                    "PATH",
                    links + ":" + System.getenv("PATH")),
                "Main"))
        .containsExactlyElementsOf(expected);
    assertThat(stderr).isEmpty();
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
    assertThat(dir.resolve("trained.jsa.jvm")).hasContent(IDENTITY.strip());
  }

  private List<String> run(Map<String, String> env, List<String> runtimeArgs) throws Exception {
    return run(fakeJava.toString(), env, runtimeArgs.toArray(String[]::new));
  }

  private List<String> run(String java, Map<String, String> env, String... runtimeArgs)
      throws Exception {
    List<String> command = new ArrayList<>(List.of("sh", WRAPPER.toString(), java));
    command.addAll(List.of(runtimeArgs));
    Path errors = dir.resolve("stderr.txt");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.to(errors.toFile()));
    builder.environment().keySet().removeIf(k -> k.startsWith("PORTCULLIS_"));
    builder.environment().remove("LAMBDA_TASK_ROOT");
    builder.environment().putAll(env);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int exit = process.waitFor();
    stderr = Files.readString(errors);
    assertThat(exit).as(output + stderr).isZero();
    return output.lines().toList();
  }
}
