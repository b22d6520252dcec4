package dev.portcullis.benchmarks.coldstart;

import dev.portcullis.bootstrap.runtimeapi.RuntimeApiStub;
import dev.portcullis.bootstrap.runtimeapi.RuntimeClient;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Cold-start variant (d): launches one runtime-client JVM (the command after {@code --}) against
 * the tests' {@link RuntimeApiStub}, which hands it one event, and times it from launch to the
 * first call it posts back; then reads the child's peak RSS from /proc and stops it.
 *
 * <p>Prints {@code MILLIS RSS_KB} on standard output and exits 0 for a response; exits 1, with the
 * posted body on standard error, for an error or a time-out.
 *
 * <pre>
 * java -cp portcullis-benchmarks-probes.jar dev.portcullis.benchmarks.coldstart.RuntimeApiTimer \
 *     --event EVENT.json [--cwd DIR] [--log FILE] [--timeout SECONDS] -- java ... AWSLambda HANDLER
 * </pre>
 */
public final class RuntimeApiTimer {

  private static final Duration TICK = Duration.ofMillis(20);

  private final RuntimeApiStub api;
  private final String event;

  private RuntimeApiTimer(RuntimeApiStub api, String event) {
    this.api = api;
    this.event = event;
  }

  public static void main(String[] args) throws Exception {
    Path eventFile = null;
    Path cwd = null;
    File log = null;
    int timeout = 60;
    List<String> command = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--")) {
        command.addAll(List.of(args).subList(i + 1, args.length));
        break;
      }
      if (i + 1 >= args.length) {
        usage("option " + args[i] + " needs a value");
      }
      switch (args[i]) {
        case "--event" -> eventFile = Path.of(args[++i]);
        case "--cwd" -> cwd = Path.of(args[++i]);
        case "--log" -> log = new File(args[++i]);
        case "--timeout" -> timeout = Integer.parseInt(args[++i]);
        default -> usage("unknown option " + args[i]);
      }
    }
    if (eventFile == null || command.isEmpty()) {
      usage("--event and a command after -- are required");
    }
    if (cwd == null) {
      cwd = Files.createTempDirectory("portcullis-task-");
    }
    int status;
    try (RuntimeApiStub api = new RuntimeApiStub()) {
      status =
          new RuntimeApiTimer(api, Files.readString(eventFile)).run(command, cwd, log, timeout);
    }
    System.exit(status);
  }

  private int run(List<String> command, Path cwd, File log, int timeout) throws Exception {
    warmUp();
    ProcessBuilder builder = new ProcessBuilder(command).directory(cwd.toFile());
    builder.redirectErrorStream(true);
    builder.redirectOutput(
        log == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(log));
    builder.environment().putAll(api.lambdaEnvironment(command.get(command.size() - 1), cwd));
    api.enqueue(event);
    long launched = System.nanoTime();
    Process child = builder.start();
    long deadline = launched + TimeUnit.SECONDS.toNanos(timeout);
    Optional<RuntimeApiStub.Posted> first = Optional.empty();
    while (first.isEmpty()) {
      // Asked before the poll: a child that had exited by then posted all it ever will.
      boolean alive = child.isAlive();
      first = api.poll(TICK);
      if (first.isEmpty() && !alive) {
        System.err.println(
            "runtime-api-timer: the child exited with "
                + child.exitValue()
                + " before posting anything"
                + (log == null ? " (pass --log FILE to see its output)" : "; see " + log));
        return 1;
      }
      if (first.isEmpty() && System.nanoTime() > deadline) {
        RuntimeClient.stop(child);
        System.err.println("runtime-api-timer: nothing posted within " + timeout + " s");
        return 1;
      }
    }
    RuntimeApiStub.Posted posted = first.get();
    long rssKb = PeakMemory.ofProcess(Long.toString(child.pid()));
    RuntimeClient.stop(child);
    if (!posted.isResponse()) {
      System.err.println("runtime-api-timer: the client posted to " + posted.path() + ":");
      System.err.println(posted.body());
      return 1;
    }
    double millis = (posted.nanos() - launched) / 1_000_000.0;
    System.out.println(String.format(Locale.ROOT, "%.1f %d", millis, rssKb));
    return 0;
  }

  /**
   * Makes one round trip through the stub, {@code /next} then {@code /response}, so that its
   * first-use cost is not the child's.
   */
  private void warmUp() throws IOException, InterruptedException {
    api.enqueue(event);
    String invocation = "http://" + api.address() + "/2018-06-01/runtime/invocation/";
    HttpURLConnection next = (HttpURLConnection) new URL(invocation + "next").openConnection();
    try (InputStream in = next.getInputStream()) {
      in.readAllBytes();
    }
    String id = next.getHeaderField("Lambda-Runtime-Aws-Request-Id");
    HttpURLConnection answer =
        (HttpURLConnection) new URL(invocation + id + "/response").openConnection();
    answer.setRequestMethod("POST");
    answer.setDoOutput(true);
    try (OutputStream out = answer.getOutputStream()) {
      out.write("{}".getBytes(StandardCharsets.UTF_8));
    }
    answer.getResponseCode();
    api.awaitPosted(5);
  }

  private static void usage(String problem) {
    System.err.println("runtime-api-timer: " + problem);
    System.err.println(
        "usage: RuntimeApiTimer --event FILE [--cwd DIR] [--log FILE] [--timeout S] -- COMMAND...");
    System.exit(2);
  }
}
