package dev.portcullis.benchmarks;

import dev.portcullis.adapters.lambda.AuthorizerAdapter;
import dev.portcullis.adapters.lambda.DecisionObserver;
import dev.portcullis.bootstrap.Portcullis;
import dev.portcullis.bootstrap.config.Configuration;
import dev.portcullis.bootstrap.wiring.PortcullisComponent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The handler's whole warm round trip, event bytes in and response bytes out, for every example
 * event kind on the memory backend, with the production wiring. {@code log=json} adds the decision
 * log line that production writes for every call (here to a null stream); {@code log=none} leaves
 * it out. {@code LambdaHandler.handleRequest} only adds a null check on the context before calling
 * the same {@link AuthorizerAdapter}, which is what this measures.
 */
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class RoundTripBenchmark {

  /** One process's component and event, shared by every benchmark thread as on Lambda. */
  @State(Scope.Benchmark)
  public static class Fixture {

    @Param({
      "rest-token",
      "rest-request",
      "http-v1",
      "http-v2",
      "http-v2-cookie",
      "websocket-connect"
    })
    public String event;

    @Param({"none", "json"})
    public String log;

    AuthorizerAdapter authorizer;
    byte[] eventBytes;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
      Map<String, String> env = Examples.environment(event);
      PortcullisComponent component =
          log.equals("json")
              ? Portcullis.fromEnvironment(
                  env,
                  new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8))
              : PortcullisComponent.create(
                  Configuration.fromEnvironment(env), Clock.systemUTC(), DecisionObserver.NONE);
      authorizer = component.authorizer();
      eventBytes = Examples.event(event);
      checkAnswer();
    }

    /** A benchmark that measured an error path would be worse than none: compare first. */
    void checkAnswer() throws IOException {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      authorizer.handle(new ByteArrayInputStream(eventBytes), out, "check");
      String actual = Json.compact(out.toString(StandardCharsets.UTF_8));
      String expected = Json.compact(new String(Examples.expected(event), StandardCharsets.UTF_8));
      if (!actual.equals(expected)) {
        throw new IllegalStateException(
            "the " + event + " event got " + actual + " where the example expects " + expected);
      }
    }

    int roundTrip(Buffers buffers) throws IOException {
      buffers.out.reset();
      authorizer.handle(new ByteArrayInputStream(eventBytes), buffers.out, "bench");
      return buffers.out.size();
    }
  }

  /** Each thread's response buffer, reused as the runtime client reuses its own. */
  @State(Scope.Thread)
  public static class Buffers {
    final ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
  }

  /** Latency percentiles of one caller (p50, p99 in the JMH report). */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  @Threads(1)
  public int latency(Fixture fixture, Buffers buffers) throws IOException {
    return fixture.roundTrip(buffers);
  }

  /** Decisions per second with two threads sharing one component. */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Threads(2)
  public int throughput(Fixture fixture, Buffers buffers) throws IOException {
    return fixture.roundTrip(buffers);
  }
}
