package dev.portcullis.adapters.dynamodb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * dynalite in a child {@code node} process on 127.0.0.1, its data in a temporary LevelDB folder so
 * that it survives a restart on the same port. Tests can stop, restart, freeze and thaw it.
 */
final class DynaliteProcess {

  /** Where Maven's {@code npm ci} put dynalite; set by Failsafe. */
  static final String DIRECTORY_PROPERTY = "portcullis.dynalite.dir";

  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration PROBE_TIMEOUT = Duration.ofMillis(500);
  private static final HttpClient PROBE =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(PROBE_TIMEOUT)
          .build();

  private final Path cli;
  private final Path data;
  private final Path log;
  private final int port;
  private Process process;

  private DynaliteProcess(Path cli, Path data, Path log, int port) {
    this.cli = cli;
    this.data = data;
    this.log = log;
    this.port = port;
  }

  /** Finds the installed dynalite and picks a free port; fails with the reason when it cannot. */
  static DynaliteProcess prepare() {
    String directory = System.getProperty(DIRECTORY_PROPERTY);
    if (directory == null) {
      throw new IllegalStateException(
          "system property "
              + DIRECTORY_PROPERTY
              + " is not set: run the integration tests through Maven (mvn verify), which installs"
              + " dynalite with npm ci, or set AWS_ENDPOINT_URL_DYNAMODB to a running server");
    }
    Path cli = Path.of(directory, "node_modules", "dynalite", "cli.js");
    if (!Files.isRegularFile(cli)) {
      throw new IllegalStateException(
          "dynalite is not installed at "
              + cli
              + ": the pre-integration-test phase runs npm ci in "
              + directory);
    }
    try {
      Path data = Files.createTempDirectory("portcullis-dynalite-");
      int port = freeLoopbackPort();
      Path log = Path.of(directory, "dynalite-" + port + ".log");
      return new DynaliteProcess(cli, data, log, port);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare dynalite", e);
    }
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** Starts the server (again, on the same port and data) and waits until it answers. */
  synchronized void start() {
    if (process != null && process.isAlive()) {
      return;
    }
    List<String> command =
        List.of(
            "node",
            cli.toString(),
            "--host",
            "127.0.0.1",
            "--port",
            Integer.toString(port),
            "--path",
            data.toString(),
            "--createTableMs",
            "0",
            "--deleteTableMs",
            "0",
            "--updateTableMs",
            "0");
    try {
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot run node (is Node.js 20+ on the PATH?): " + e.getMessage(), e);
    }
    awaitAnswer();
  }

  /** Stops the server; its data stays for the next {@link #start()}. */
  synchronized void stop() {
    if (process == null) {
      return;
    }
    signal("CONT");
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process = null;
  }

  /**
   * Suspends the server (SIGSTOP): the kernel still accepts connections but nothing answers, the
   * way a black-holed or overloaded endpoint looks to a client.
   */
  synchronized void freeze() {
    signal("STOP");
  }

  /** Resumes a frozen server (SIGCONT). */
  synchronized void thaw() {
    signal("CONT");
  }

  /** Stops the server and deletes its data. */
  synchronized void destroy() {
    stop();
    try (Stream<Path> files = Files.walk(data)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A leftover temporary folder is not worth failing a test run for.
    }
  }

  private void signal(String name) {
    if (process == null || !process.isAlive()) {
      return;
    }
    try {
      Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start();
      if (!kill.waitFor(5, TimeUnit.SECONDS) || kill.exitValue() != 0) {
        throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void awaitAnswer() {
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "dynalite exited with " + process.exitValue() + " before answering:\n" + logTail());
      }
      if (answers()) {
        return;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    stop();
    throw new IllegalStateException(
        "dynalite did not answer on "
            + endpoint()
            + " within "
            + START_TIMEOUT
            + ":\n"
            + logTail());
  }

  private boolean answers() {
    HttpRequest probe = HttpRequest.newBuilder(endpoint()).timeout(PROBE_TIMEOUT).GET().build();
    try {
      return PROBE.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException notYet) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private String logTail() {
    try {
      String text = Files.readString(log, StandardCharsets.UTF_8);
      return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
    } catch (IOException e) {
      return "(no log at " + log + ")";
    }
  }

  private static int freeLoopbackPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
