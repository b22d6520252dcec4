package dev.portcullis.bootstrap.runtimeapi;

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
 * AWS's runtime interface client, started the way Lambda starts a Java function: the runtime's jars
 * alone on the class path, the function's jar in {@code lib/} of the task root (the working
 * directory, read by the client's own class loader), Lambda's variables pointing at a {@link
 * RuntimeApiStub}, and none of this JVM's own Portcullis, AWS or JVM-option variables.
 *
 * @param runtimeLib the runtime's jars, as Lambda's {@code /var/runtime/lib}
 * @param taskRoot the function's folder, as Lambda's {@code /var/task}
 */
public record RuntimeClient(Path runtimeLib, Path taskRoot) {

  public static final String MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
  public static final String HANDLER = "dev.portcullis.bootstrap.LambdaHandler::handleRequest";

  /** Lays out {@code taskRoot} with {@code jar} as {@code lib/portcullis.jar}. */
  public static RuntimeClient install(Path jar, Path runtimeLib, Path taskRoot) throws IOException {
    Files.createDirectories(taskRoot.resolve("lib"));
    Files.copy(jar, taskRoot.resolve("lib/portcullis.jar"), StandardCopyOption.REPLACE_EXISTING);
    return new RuntimeClient(runtimeLib.toAbsolutePath(), taskRoot.toAbsolutePath());
  }

  /**
   * Starts the client for Portcullis's handler against {@code api}, with the variables of {@code
   * env}, its output in {@code log}.
   *
   * @param launcher what runs the JVM: a {@code java} binary with its flags, or an exec wrapper
   *     before them, as Lambda's {@code AWS_LAMBDA_EXEC_WRAPPER} does
   */
  public Process start(List<String> launcher, RuntimeApiStub api, Map<String, String> env, Path log)
      throws IOException {
    List<String> command = new ArrayList<>(launcher);
    command.addAll(List.of("-cp", classPath(), MAIN, HANDLER));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(taskRoot.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Map<String, String> environment = builder.environment();
    environment
        .keySet()
        .removeIf(
            k ->
                k.startsWith("PORTCULLIS_")
                    || k.startsWith("AWS_")
                    || k.equals("JAVA_TOOL_OPTIONS"));
    environment.putAll(env);
    environment.putAll(api.lambdaEnvironment(HANDLER, taskRoot));
    return builder.start();
  }

  /** SIGTERM first, so that a JVM asked to write an archive or an AOT cache at exit can do so. */
  public static void stop(Process process) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  private String classPath() throws IOException {
    try (Stream<Path> files = Files.list(runtimeLib)) {
      return files
          .map(Path::toString)
          .filter(p -> p.endsWith(".jar"))
          .sorted()
          .reduce((a, b) -> a + File.pathSeparator + b)
          .orElseThrow(() -> new IllegalStateException("no runtime jars in " + runtimeLib));
    }
  }
}
