package dev.portcullis.bootstrap;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Builds {@code target/lambda/}, the Lambda deployment layout with its AppCDS archive, during
 * {@code package}: {@code lib/portcullis.jar}, the exec wrapper {@code portcullis-cds}, {@code
 * portcullis.jsa} and {@code portcullis.jsa.jvm} (the JVM it serves), trained by answering every
 * example event under AWS's runtime interface client exactly as Lambda loads a function (the client
 * alone on the class path, the jar read by its class loader from the task root, Lambda's JIT and GC
 * flags, through the wrapper).
 *
 * <p>The training chain is {@code memory,dynamodb}: the example events are answered from memory,
 * and one never-issued token goes on to DynamoDB at a loopback port where nothing listens, so the
 * read path's classes (signing, the connection, the failure's translation) are archived too without
 * a server; that call ends in the 500 of an unreachable backend.
 *
 * <p>It then proves the archive: a second runtime started through the wrapper must answer and must
 * load Portcullis's classes from it. Any failure fails the build. The archive serves the JDK that
 * built it; docs/performance.md ("AppCDS on Lambda") says how to build it for Lambda's own.
 *
 * <pre>
 * AppCdsTraining JAR RUNTIME_LIB_DIR WRAPPER EXAMPLES_DIR OUT_DIR
 * </pre>
 */
public final class AppCdsTraining {

  private static final String HANDLER = "dev.portcullis.bootstrap.LambdaHandler::handleRequest";
  private static final String RIC_MAIN =
      "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
  private static final String NEVER_ISSUED =
      "{\"type\":\"TOKEN\",\"authorizationToken\":\"Bearer pcs_never_issued_training_token\","
          + "\"methodArn\":\"arn:aws:execute-api:us-east-1:123456789012:abcdef1234/prod/GET/x\"}";

  /** Fewer archived Portcullis classes than this means the archive did not serve the handler. */
  private static final int MIN_ARCHIVED_CLASSES = 40;

  private AppCdsTraining() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 5) {
      throw new IllegalArgumentException(
          "usage: AppCdsTraining JAR RUNTIME_LIB_DIR WRAPPER EXAMPLES_DIR OUT_DIR");
    }
    Path jar = Path.of(args[0]).toAbsolutePath();
    Path runtimeLib = Path.of(args[1]).toAbsolutePath();
    Path examples = Path.of(args[3]).toAbsolutePath();
    Path out = Path.of(args[4]).toAbsolutePath();
    Path archive = out.resolve("portcullis.jsa");
    Files.createDirectories(out.resolve("lib"));
    Files.copy(jar, out.resolve("lib/portcullis.jar"), StandardCopyOption.REPLACE_EXISTING);
    Path wrapper = out.resolve("portcullis-cds");
    Files.copy(Path.of(args[2]), wrapper, StandardCopyOption.REPLACE_EXISTING);
    wrapper.toFile().setExecutable(true);
    Files.deleteIfExists(archive);

    List<String> events = new ArrayList<>();
    try (Stream<Path> files = Files.list(examples.resolve("events"))) {
      files
          .filter(p -> p.getFileName().toString().endsWith(".json"))
          .sorted()
          .forEach(p -> events.add(read(p)));
    }
    Map<String, String> training = new java.util.HashMap<>();
    training.put("PORTCULLIS_BACKENDS", "memory,dynamodb");
    training.put("PORTCULLIS_RULES", "file:" + examples.resolve("rules.json"));
    training.put("PORTCULLIS_SESSIONS_FILE", examples.resolve("sessions.json").toString());
    training.put(
        "PORTCULLIS_TOKEN_SOURCES", "header:Authorization,cookie:session,query:access_token");
    training.put("PORTCULLIS_TABLE", "portcullis-training");
    training.put("PORTCULLIS_DYNAMODB_MAX_ATTEMPTS", "1");
    training.put("AWS_REGION", "us-east-1");
    training.put("AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:" + closedPort());
    training.put("AWS_ACCESS_KEY_ID", "training-not-a-key");
    training.put("AWS_SECRET_ACCESS_KEY", "training-not-a-secret");

    Path trainingLog = out.resolveSibling("appcds-training.log");
    runOnce(
        runtimeLib,
        out,
        wrapper,
        events,
        env(training, "PORTCULLIS_CDS_TRAIN", archive),
        trainingLog);
    if (!Files.isRegularFile(archive)
        || Files.size(archive) == 0
        || !Files.isRegularFile(out.resolve("portcullis.jsa.jvm"))) {
      throw new IllegalStateException(
          "the training run wrote no archive at " + archive + "; see " + trainingLog);
    }

    Path checkLog = out.resolveSibling("appcds-check.log");
    runOnce(
        runtimeLib,
        out,
        wrapper,
        List.of(events.get(0)),
        env(training, "JAVA_TOOL_OPTIONS", "-Xlog:class+load=info:file=" + checkLog),
        out.resolveSibling("appcds-check-runtime.log"));
    long archived;
    try (Stream<String> lines = Files.lines(checkLog)) {
      archived =
          lines
              .filter(l -> l.contains(" dev.portcullis."))
              .filter(l -> l.contains("source: shared objects file (top)"))
              .count();
    }
    if (archived < MIN_ARCHIVED_CLASSES) {
      throw new IllegalStateException(
          "the archive served only "
              + archived
              + " Portcullis classes to a runtime started through the wrapper; see "
              + checkLog);
    }
    System.out.printf(
        "AppCDS: %s (%d KiB) from %d events; %d Portcullis classes served from it%n",
        archive, Files.size(archive) / 1024, events.size(), archived);
  }

  /** Runs the client through the wrapper for these events and one refusal, then stops it. */
  private static void runOnce(
      Path runtimeLib,
      Path taskRoot,
      Path wrapper,
      List<String> events,
      Map<String, String> env,
      Path log)
      throws Exception {
    try (RuntimeApiStub api = new RuntimeApiStub()) {
      events.forEach(api::enqueue);
      api.enqueue(NEVER_ISSUED);
      List<String> command = new ArrayList<>();
      command.add("sh");
      command.add(wrapper.toString());
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      // Lambda's own JIT and collector settings for Java 17 and 21.
      command.add("-XX:+UseSerialGC");
      command.add("-XX:TieredStopAtLevel=1");
      command.add("-cp");
      command.add(classPath(runtimeLib));
      command.add(RIC_MAIN);
      command.add(HANDLER);
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(taskRoot.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      builder.environment().keySet().removeIf(k -> k.startsWith("PORTCULLIS_"));
      builder.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
      builder.environment().remove("JAVA_TOOL_OPTIONS");
      builder.environment().putAll(env);
      builder.environment().put("AWS_LAMBDA_RUNTIME_API", api.address());
      builder.environment().put("AWS_LAMBDA_FUNCTION_NAME", "portcullis-training");
      builder.environment().put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512");
      builder.environment().put("LAMBDA_TASK_ROOT", taskRoot.toString());
      builder.environment().put("_HANDLER", HANDLER);
      Process runtime = builder.start();
      try {
        for (int i = 0; i < events.size(); i++) {
          RuntimeApiStub.Posted posted = api.awaitPosted(60);
          if (!posted.path().endsWith("/response")) {
            throw new IllegalStateException(
                "example event " + (i + 1) + " was not answered but " + posted + "; see " + log);
          }
        }
        RuntimeApiStub.Posted unreachable = api.awaitPosted(30);
        if (!unreachable.path().endsWith("/error")
            || !unreachable.body().contains("backend 'dynamodb' cannot answer")) {
          throw new IllegalStateException(
              "a never-issued token, with DynamoDB unreachable, got "
                  + unreachable
                  + "; see "
                  + log);
        }
      } finally {
        // SIGTERM: the JVM exits normally, which is when it writes a dynamic archive.
        runtime.destroy();
        if (!runtime.waitFor(60, TimeUnit.SECONDS)) {
          runtime.destroyForcibly().waitFor();
        }
      }
    }
  }

  /** A loopback port that nothing listens on: bound, then let go. */
  private static int closedPort() throws IOException {
    try (java.net.ServerSocket socket =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static String classPath(Path runtimeLib) throws IOException {
    List<String> jars = new ArrayList<>();
    try (Stream<Path> files = Files.list(runtimeLib)) {
      files.map(Path::toString).filter(p -> p.endsWith(".jar")).sorted().forEach(jars::add);
    }
    return String.join(File.pathSeparator, jars);
  }

  private static Map<String, String> env(Map<String, String> base, String key, Object value) {
    Map<String, String> env = new java.util.HashMap<>(base);
    env.put(key, value.toString());
    return env;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + file, e);
    }
  }
}
