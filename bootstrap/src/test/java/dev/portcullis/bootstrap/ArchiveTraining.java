package dev.portcullis.bootstrap;

import dev.portcullis.bootstrap.runtimeapi.RuntimeApiStub;
import dev.portcullis.bootstrap.runtimeapi.RuntimeClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Builds {@code target/lambda/}, the Lambda deployment layout, during {@code package}: {@code
 * lib/portcullis.jar}, the exec wrapper {@code portcullis-cds}, and the class-data archives the
 * wrapper applies, each beside a {@code .jvm} file naming the JVM it serves:
 *
 * <ul>
 *   <li>{@code portcullis.jsa}, an AppCDS archive, when the JDK that runs this is a 17 or 21;
 *   <li>{@code portcullis.aot}, an AOT cache, made by this JDK when it is a 25 or later (as inside
 *       the container image), else by the JDK 25 that {@link Jdk25#find} finds; without one it is
 *       skipped with one line, and the build goes on.
 * </ul>
 *
 * <p>Each is trained by answering every example event under AWS's runtime interface client exactly
 * as Lambda starts a function: the client's jars on the class path, the task root as the working
 * directory, Lambda's JIT and collector flags, through the wrapper. The chain is {@code
 * memory,dynamodb}: the events are answered from memory, and one never-issued token goes on to
 * DynamoDB at a loopback port where nothing listens, so that the DynamoDB client's classes are
 * archived too; that call ends in the error of an unreachable backend.
 *
 * <p>Each archive is then proven: a second runtime started through the wrapper must answer and must
 * load Portcullis's classes from it. Any failure fails the build.
 *
 * <pre>
 * ArchiveTraining JAR RUNTIME_LIB_DIR WRAPPER EXAMPLES_DIR OUT_DIR
 * </pre>
 */
public final class ArchiveTraining {

  private static final String NEVER_ISSUED =
      "{\"type\":\"TOKEN\",\"authorizationToken\":\"Bearer pcs_never_issued_training_token\","
          + "\"methodArn\":\"arn:aws:execute-api:us-east-1:123456789012:abcdef1234/prod/GET/x\"}";

  /** Fewer Portcullis classes served than this means the archive did not serve the handler. */
  private static final int MIN_ARCHIVED_CLASSES = 40;

  /** One archive to make: its file name and the JDK that makes and reads it. */
  private record Archive(String fileName, Path javaHome) {

    /** The AOT cache for a JDK 25 or later, the AppCDS archive for an older one. */
    static Archive forJdk(Path javaHome) {
      return new Archive(
          Jdk25.feature(javaHome) >= 25 ? "portcullis.aot" : "portcullis.jsa", javaHome);
    }

    Path java() {
      return javaHome.resolve("bin/java");
    }
  }

  private final RuntimeClient client;
  private final Path taskRoot;
  private final Path wrapper;
  private final List<String> events;
  private final Map<String, String> environment;

  private ArchiveTraining(RuntimeClient client, Path wrapper, Path examples) throws IOException {
    this.client = client;
    this.taskRoot = client.taskRoot();
    this.wrapper = wrapper;
    this.events = exampleEvents(examples);
    this.environment = trainingEnvironment(examples);
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 5) {
      throw new IllegalArgumentException(
          "usage: ArchiveTraining JAR RUNTIME_LIB_DIR WRAPPER EXAMPLES_DIR OUT_DIR");
    }
    Path examples = Path.of(args[3]).toAbsolutePath();
    Path out = Path.of(args[4]).toAbsolutePath();

    RuntimeClient client = RuntimeClient.install(Path.of(args[0]), Path.of(args[1]), out);
    Path wrapper = out.resolve("portcullis-cds");
    Files.copy(Path.of(args[2]), wrapper, StandardCopyOption.REPLACE_EXISTING);
    wrapper.toFile().setExecutable(true);

    ArchiveTraining training = new ArchiveTraining(client, wrapper, examples);
    Archive own = Archive.forJdk(Path.of(System.getProperty("java.home")));
    training.make(own);
    if (own.fileName().equals("portcullis.aot")) {
      return;
    }
    Optional<Path> jdk25 = Jdk25.find(System.getenv());
    if (jdk25.isPresent()) {
      training.make(Archive.forJdk(jdk25.get()));
    } else {
      Files.deleteIfExists(out.resolve("portcullis.aot"));
      Files.deleteIfExists(out.resolve("portcullis.aot.jvm"));
      System.out.println("AOT cache: skipped, no JDK 25 found (" + Jdk25.HOW_TO_SET + ")");
    }
  }

  /** Trains the archive, then proves that a runtime started through the wrapper uses it. */
  private void make(Archive archive) throws Exception {
    Path file = taskRoot.resolve(archive.fileName());
    Files.deleteIfExists(file);
    Path trainingLog = taskRoot.resolveSibling(archive.fileName() + "-training.log");
    runOnce(archive, events, with("PORTCULLIS_CDS_TRAIN", file.toString()), trainingLog);
    if (!Files.isRegularFile(file)
        || Files.size(file) == 0
        || !Files.isRegularFile(taskRoot.resolve(archive.fileName() + ".jvm"))) {
      throw new IllegalStateException(
          "the training run wrote no archive at " + file + "; see " + trainingLog);
    }

    Path classLog = taskRoot.resolveSibling(archive.fileName() + "-check-classes.log");
    runOnce(
        archive,
        List.of(events.get(0)),
        with("JAVA_TOOL_OPTIONS", "-Xlog:class+load=info:file=" + classLog),
        taskRoot.resolveSibling(archive.fileName() + "-check.log"));
    long served;
    try (Stream<String> lines = Files.lines(classLog)) {
      served =
          lines
              .filter(line -> line.contains(" dev.portcullis."))
              .filter(line -> line.contains("source: shared objects file"))
              .count();
    }
    if (served < MIN_ARCHIVED_CLASSES) {
      throw new IllegalStateException(
          file
              + " served only "
              + served
              + " Portcullis classes to a runtime started through the wrapper; see "
              + classLog);
    }
    System.out.printf(
        "%s (%d KiB, JDK %s) from %d events; %d Portcullis classes served from it%n",
        file, Files.size(file) / 1024, archive.javaHome(), events.size(), served);
  }

  /** Runs the client through the wrapper for these events and one refusal, then stops it. */
  private void runOnce(Archive archive, List<String> toAnswer, Map<String, String> env, Path log)
      throws Exception {
    try (RuntimeApiStub api = new RuntimeApiStub()) {
      toAnswer.forEach(api::enqueue);
      api.enqueue(NEVER_ISSUED);
      // Through the wrapper, with Lambda's own JIT and collector settings.
      List<String> launcher =
          List.of(
              "sh",
              wrapper.toString(),
              archive.java().toString(),
              "-XX:+UseSerialGC",
              "-XX:TieredStopAtLevel=1");
      Process runtime = client.start(launcher, api, env, log);
      try {
        for (int i = 0; i < toAnswer.size(); i++) {
          RuntimeApiStub.Posted posted = api.awaitPosted(60);
          if (!posted.isResponse()) {
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
        // The JVM exits normally on SIGTERM, which is when it writes its archive.
        RuntimeClient.stop(runtime);
      }
    }
  }

  private Map<String, String> with(String key, String value) {
    Map<String, String> env = new HashMap<>(environment);
    env.put(key, value);
    return env;
  }

  /** The example rules and sessions, and DynamoDB at a port where nothing listens. */
  private static Map<String, String> trainingEnvironment(Path examples) throws IOException {
    return Map.of(
        "PORTCULLIS_BACKENDS", "memory,dynamodb",
        "PORTCULLIS_RULES", "file:" + examples.resolve("rules.json"),
        "PORTCULLIS_SESSIONS_FILE", examples.resolve("sessions.json").toString(),
        "PORTCULLIS_TOKEN_SOURCES", "header:Authorization,cookie:session,query:access_token",
        "PORTCULLIS_TABLE", "portcullis-training",
        "PORTCULLIS_DYNAMODB_MAX_ATTEMPTS", "1",
        "AWS_REGION", "us-east-1",
        "AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:" + closedPort(),
        "AWS_ACCESS_KEY_ID", "training-not-a-key",
        "AWS_SECRET_ACCESS_KEY", "training-not-a-secret");
  }

  private static List<String> exampleEvents(Path examples) throws IOException {
    try (Stream<Path> files = Files.list(examples.resolve("events"))) {
      return files
          .filter(p -> p.getFileName().toString().endsWith(".json"))
          .sorted()
          .map(ArchiveTraining::read)
          .toList();
    }
  }

  /** A loopback port that nothing listens on: bound, then let go. */
  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + file, e);
    }
  }
}
