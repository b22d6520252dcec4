package dev.portcullis.benchmarks.coldstart;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Cold-start variant (d): a loopback Lambda Runtime API stub that launches one runtime-client JVM
 * (the command after {@code --}) and times it from launch to the first invocation response it
 * posts. It hands out one event on {@code /next} (with the Content-Type the client's native code
 * needs), answers 202 to {@code /response} and {@code /error}, then reads the child's peak RSS from
 * /proc and stops it.
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

  private static final String BASE = "/2018-06-01/runtime";

  /** What the client posted first: when, to which path, and the body. */
  record Posted(long nanos, String path, String body) {}

  private final byte[] event;
  private final CompletableFuture<Posted> first = new CompletableFuture<>();
  private final CountDownLatch stopping = new CountDownLatch(1);
  private final AtomicInteger served = new AtomicInteger();
  private final HttpServer server;

  private RuntimeApiTimer(byte[] event) throws IOException {
    this.event = event;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext(BASE + "/invocation/next", this::next);
    server.createContext(BASE + "/invocation/", this::posted);
    server.createContext(BASE + "/init/error", this::posted);
    server.createContext("/warm", this::warm);
    server.start();
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
    RuntimeApiTimer timer = new RuntimeApiTimer(Files.readAllBytes(eventFile));
    int status;
    try {
      status = timer.run(command, cwd, log, timeout);
    } finally {
      timer.stopping.countDown();
      timer.server.stop(0);
    }
    System.exit(status);
  }

  private int run(List<String> command, Path cwd, File log, int timeout) throws Exception {
    warmUp();
    ProcessBuilder builder = new ProcessBuilder(command).directory(cwd.toFile());
    builder.redirectErrorStream(true);
    builder.redirectOutput(
        log == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(log));
    String address = "127.0.0.1:" + server.getAddress().getPort();
    builder.environment().put("AWS_LAMBDA_RUNTIME_API", address);
    builder.environment().putIfAbsent("AWS_LAMBDA_FUNCTION_NAME", "portcullis-bench");
    builder.environment().putIfAbsent("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512");
    builder.environment().putIfAbsent("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
    builder.environment().put("_HANDLER", command.get(command.size() - 1));
    builder.environment().put("LAMBDA_TASK_ROOT", cwd.toString());
    long launched = System.nanoTime();
    Process child = builder.start();
    Posted posted = null;
    long deadline = launched + TimeUnit.SECONDS.toNanos(timeout);
    while (posted == null) {
      try {
        posted = first.get(20, TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        if (!child.isAlive() && !first.isDone()) {
          System.err.println(
              "runtime-api-timer: the child exited with "
                  + child.exitValue()
                  + " before posting anything"
                  + (log == null ? " (pass --log FILE to see its output)" : "; see " + log));
          return 1;
        }
        if (System.nanoTime() > deadline) {
          stop(child);
          System.err.println("runtime-api-timer: nothing posted within " + timeout + " s");
          return 1;
        }
      } catch (ExecutionException e) {
        stop(child);
        throw e;
      }
    }
    long rssKb = PeakMemory.ofProcess(Long.toString(child.pid()));
    stop(child);
    if (!posted.path().endsWith("/response")) {
      System.err.println("runtime-api-timer: the client posted to " + posted.path() + ":");
      System.err.println(posted.body());
      return 1;
    }
    double millis = (posted.nanos() - launched) / 1_000_000.0;
    System.out.println(String.format(Locale.ROOT, "%.1f %d", millis, rssKb));
    return 0;
  }

  /** Runs the stub's own request path once, so that its first-use cost is not the child's. */
  private void warmUp() throws IOException {
    URL url = new URL("http://127.0.0.1:" + server.getAddress().getPort() + "/warm");
    HttpURLConnection connection = (HttpURLConnection) url.openConnection();
    connection.setRequestMethod("POST");
    connection.setDoOutput(true);
    try (OutputStream out = connection.getOutputStream()) {
      out.write(event);
    }
    try (InputStream in = connection.getInputStream()) {
      in.readAllBytes();
    }
    connection.disconnect();
  }

  private void next(HttpExchange exchange) throws IOException {
    if (served.getAndIncrement() > 0) {
      // Later polls wait, as the real API's long poll does, until the child is stopped.
      try {
        stopping.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      exchange.sendResponseHeaders(500, -1);
      exchange.close();
      return;
    }
    var headers = exchange.getResponseHeaders();
    // The client's native code crashes without a Content-Type on /next.
    headers.add("Content-Type", "application/json");
    headers.add("Lambda-Runtime-Aws-Request-Id", "bench-1");
    headers.add("Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + 30_000));
    headers.add(
        "Lambda-Runtime-Invoked-Function-Arn",
        "arn:aws:lambda:us-east-1:123456789012:function:portcullis-bench");
    headers.add("Lambda-Runtime-Trace-Id", "Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1");
    exchange.sendResponseHeaders(200, event.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(event);
    }
  }

  private void posted(HttpExchange exchange) throws IOException {
    long now = System.nanoTime();
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(202, -1);
    exchange.close();
    first.complete(
        new Posted(now, exchange.getRequestURI().getPath().substring(BASE.length()), body));
  }

  private void warm(HttpExchange exchange) throws IOException {
    exchange.getRequestBody().readAllBytes();
    byte[] answer = {'{', '}'};
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, answer.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(answer);
    }
  }

  /** SIGTERM first, so that a JVM asked to write an archive or an AOT cache at exit can do so. */
  private static void stop(Process child) throws InterruptedException {
    child.destroy();
    if (!child.waitFor(120, TimeUnit.SECONDS)) {
      child.destroyForcibly().waitFor();
    }
  }

  private static void usage(String problem) {
    System.err.println("runtime-api-timer: " + problem);
    System.err.println(
        "usage: RuntimeApiTimer --event FILE [--cwd DIR] [--log FILE] [--timeout S] -- COMMAND...");
    System.exit(2);
  }
}
