package dev.portcullis.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The script the build runs before the browser test decides as docs/local-gateway.md says: a
 * Chromium that is there is used, a missing one is installed by root with apt-get, and anyone else
 * is told the one command to run. Each branch is walked with stand-ins and {@code --dry-run}.
 */
class EnsureChromiumScriptTest {

  private static final Path SCRIPT = Path.of("src/test/browser/ensure-chromium.sh");

  @TempDir Path dir;

  /** What the script printed (both streams) and its exit code. */
  private record Run(int exit, String output) {}

  private Run run(String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("sh", SCRIPT.toString()));
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    // A deadline far above the script's few milliseconds.
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return new Run(
        process.exitValue(),
        new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  private Path executable(String name) throws IOException {
    Path file = Files.writeString(dir.resolve(name), "#!/bin/sh\nexit 0\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }

  @Test
  void aChromiumThatIsThereIsUsedAsItIs() throws Exception {
    Path chromium = executable("chromium");

    Run run = run("--dry-run", "--chromium", chromium.toString(), "--uid", "1000");

    assertThat(run.exit()).isZero();
    assertThat(run.output()).isEqualTo("ensure-chromium: found " + chromium + "\n");
  }

  @Test
  void aMissingChromiumIsInstalledWithAptGetWhenRoot() throws Exception {
    Path aptGet = executable("apt-get");

    Run run =
        run(
            "--dry-run",
            "--chromium",
            dir.resolve("none").toString(),
            "--uid",
            "0",
            "--apt-get",
            aptGet.toString());

    assertThat(run.exit()).isZero();
    assertThat(run.output())
        .isEqualTo(
            "ensure-chromium: would run "
                + aptGet
                + " update && "
                + aptGet
                + " install -y chromium\n");
  }

  @Test
  void aMissingChromiumWithoutRootFailsNamingTheOneCommandToRun() throws Exception {
    Run run =
        run(
            "--dry-run",
            "--chromium",
            dir.resolve("none").toString(),
            "--uid",
            "1000",
            "--apt-get",
            executable("apt-get").toString());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.output()).contains("apt-get update && apt-get install -y chromium");
  }

  @Test
  void aMissingChromiumWithoutAptGetFailsNamingTheOneCommandToRun() throws Exception {
    Run run =
        run(
            "--dry-run",
            "--chromium",
            dir.resolve("none").toString(),
            "--uid",
            "0",
            "--apt-get",
            "");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.output())
        .contains("Run, as root:\n  apt-get update && apt-get install -y chromium");
  }

  @Test
  void anUnknownArgumentIsAUsageError() throws Exception {
    assertThat(run("--install-everything").exit()).isEqualTo(2);
  }
}
