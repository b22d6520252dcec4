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
 * is exercised by the archive training during {@code package} ({@link ArchiveTraining}).
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
    fakeJava = fakeJdk("jdk", "17.0.13", IDENTITY);
    archive = dir.resolve("portcullis.jsa");
    Files.write(archive, new byte[] {1});
    Files.writeString(dir.resolve("portcullis.jsa.jvm"), IDENTITY);
  }

  /** A fake JDK whose java prints its arguments and whether the wrapper's variables reached it. */
  private Path fakeJdk(String name, String version, String identity) throws IOException {
    Path jdk = dir.resolve(name);
    Files.createDirectories(jdk.resolve("bin"));
    Files.writeString(
        jdk.resolve("release"),
        "JAVA_VERSION=\"" + version + "\"\n" + identity + "OS_NAME=\"Linux\"");
    Path java = jdk.resolve("bin/java");
    Files.writeString(
        java,
        "#!/bin/sh\nfor a do echo \"$a\"; done\necho \"env:${PORTCULLIS_CDS_ARCHIVE:-}"
            + "${PORTCULLIS_CDS_TRAIN:-}${PORTCULLIS_CDS:-}\"\n");
    java.toFile().setExecutable(true);
    return java;
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
                + " was made by another JVM than "
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

  @Test
  void the_functions_jars_join_the_class_path_so_that_the_application_loader_serves_them()
      throws Exception {
    Path lib = Files.createDirectories(dir.resolve("lib"));
    Files.write(lib.resolve("portcullis.jar"), new byte[] {1});

    List<String> args = run(Map.of("LAMBDA_TASK_ROOT", dir.toString()), LAMBDA_JAVA17);

    assertThat(args)
        .containsSubsequence(
            "-classpath",
            "/var/runtime/lib/a.jar:/var/runtime/lib/b c.jar:" + lib.resolve("portcullis.jar"));
  }

  @Test
  void on_java_25_the_aot_cache_takes_the_place_of_any_archive_the_runtime_names()
      throws Exception {
    String identity25 = "IMPLEMENTOR=\"Amazon.com Inc.\"\nJAVA_RUNTIME_VERSION=\"25.0.1+8-LTS\"\n";
    Path java25 = fakeJdk("jdk25", "25.0.1", identity25);
    Path cache = dir.resolve("portcullis.aot");
    Files.write(cache, new byte[] {1});
    Files.writeString(dir.resolve("portcullis.aot.jvm"), identity25);
    Files.write(Files.createDirectories(dir.resolve("lib")).resolve("portcullis.jar"), new byte[0]);

    List<String> args =
        run(
            java25.toString(),
            Map.of("LAMBDA_TASK_ROOT", dir.toString()),
            "-XX:+UseSerialGC",
            "-Xshare:on",
            "-XX:AOTCache=/var/lang/lib/runtime.aot",
            "-cp",
            "/var/runtime/lib/a.jar",
            "Main");

    assertThat(args)
        .containsExactly(
            "-XX:AOTCache=" + cache,
            "-XX:+UseSerialGC",
            "-Xshare:auto",
            "-cp",
            "/var/runtime/lib/a.jar:" + dir.resolve("lib/portcullis.jar"),
            "Main",
            "env:");
    assertThat(stderr).isEmpty();
  }

  @Test
  void on_java_25_an_aot_cache_made_by_another_build_is_skipped_with_one_line_on_stderr()
      throws Exception {
    Path java25 = fakeJdk("jdk25", "25.0.1", "JAVA_RUNTIME_VERSION=\"25.0.2+1\"\n");
    Path cache = dir.resolve("portcullis.aot");
    Files.write(cache, new byte[] {1});
    Files.writeString(dir.resolve("portcullis.aot.jvm"), "JAVA_RUNTIME_VERSION=\"25.0.1+8\"\n");

    List<String> args =
        run(java25.toString(), Map.of("LAMBDA_TASK_ROOT", dir.toString()), "-cp", "a.jar", "Main");

    assertThat(args).containsExactly("-cp", "a.jar", "Main", "env:");
    assertThat(stderr.lines())
        .containsExactly(
            "portcullis-cds: "
                + cache
                + " was made by another JVM than "
                + java25
                + "; starting without it");
  }

  @Test
  void training_on_java_25_writes_an_aot_cache_at_exit_instead_of_the_runtimes_archive()
      throws Exception {
    String identity25 = "JAVA_RUNTIME_VERSION=\"25.0.1+8\"\n";
    Path java25 = fakeJdk("jdk25", "25.0.1", identity25);
    Path out = dir.resolve("trained.aot");

    List<String> args =
        run(
            java25.toString(),
            Map.of("PORTCULLIS_CDS_TRAIN", out.toString()),
            "-XX:AOTCache=/var/lang/lib/runtime.aot",
            "-cp",
            "a.jar",
            "Main");

    assertThat(args).containsExactly("-XX:AOTCacheOutput=" + out, "-cp", "a.jar", "Main", "env:");
    assertThat(dir.resolve("trained.aot.jvm")).hasContent(identity25.strip());
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
