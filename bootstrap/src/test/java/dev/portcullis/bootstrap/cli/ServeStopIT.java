package dev.portcullis.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code serve} from the built jar stops on SIGTERM as docs/local-gateway.md says. */
class ServeStopIT {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @Test
  void sigtermWithNothingInFlightStopsWellWithinTheSecondTheDocsAllow() throws Exception {
    Path err = Files.createTempFile("serve-", ".err");
    Process serve =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                "bootstrap/target/portcullis.jar",
                "serve",
                "--demo",
                "--port",
                "0")
            .directory(ROOT.toFile())
            .redirectError(err.toFile())
            .start();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      do {
        line = out.readLine();
      } while (line != null && !line.startsWith("Ready: serving"));
      assertThat(line).as("the banner's last line").isNotNull();

      serve.destroy();

      // A deadline with the 3x margin on the one second the docs give requests in flight.
      assertThat(serve.waitFor(3, TimeUnit.SECONDS)).isTrue();
    } finally {
      serve.destroyForcibly();
    }
    assertThat(serve.exitValue()).isEqualTo(143);
    assertThat(Files.readString(err)).endsWith("portcullis serve: stopped\n");
  }
}
