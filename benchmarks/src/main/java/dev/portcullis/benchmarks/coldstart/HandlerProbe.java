package dev.portcullis.benchmarks.coldstart;

import dev.portcullis.bootstrap.LambdaHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.io.IOException;

/**
 * Cold-start probe (b) and (c): a fresh JVM builds the deployable {@link LambdaHandler} with its
 * public no-argument constructor, exactly as Lambda does (configuration from the environment),
 * answers the event in the first file named, then exits. Further files are answered too: the AppCDS
 * training run passes every example event.
 *
 * <p>It prints {@code probe init_us=… first_us=…} to standard error: the constructor, then the
 * first {@code handleRequest}. Its own code uses no lambdas, records or string concatenation, so
 * that it adds no bootstrap cost the product would not pay. It exits 3 when the first answer is
 * empty; an unauthenticated answer throws and exits 1.
 */
public final class HandlerProbe {

  private HandlerProbe() {}

  public static void main(String[] args) throws IOException {
    if (args.length == 0) {
      System.err.println("usage: HandlerProbe EVENT.json [MORE.json...]");
      System.exit(2);
    }
    byte[][] events = new byte[args.length][];
    for (int i = 0; i < args.length; i++) {
      try (FileInputStream in = new FileInputStream(args[i])) {
        events[i] = in.readAllBytes();
      }
    }
    long start = System.nanoTime();
    LambdaHandler handler = new LambdaHandler();
    long built = System.nanoTime();
    ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
    handler.handleRequest(new ByteArrayInputStream(events[0]), out, null);
    long answered = System.nanoTime();
    if (out.size() == 0) {
      System.err.println("probe: the handler wrote no answer");
      System.exit(3);
    }
    for (int i = 1; i < events.length; i++) {
      out.reset();
      handler.handleRequest(new ByteArrayInputStream(events[i]), out, null);
    }
    StringBuilder line =
        new StringBuilder(64)
            .append("probe init_us=")
            .append((built - start) / 1000)
            .append(" first_us=")
            .append((answered - built) / 1000);
    System.err.println(line);
    PeakMemory.reportIfAsked();
  }
}
