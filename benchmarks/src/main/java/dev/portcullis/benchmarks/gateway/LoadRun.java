package dev.portcullis.benchmarks.gateway;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.portcullis.adapters.lambda.AuthorizerAdapter;
import dev.portcullis.bootstrap.Portcullis;
import dev.portcullis.bootstrap.cli.DemoWorld;
import dev.portcullis.bootstrap.wiring.PortcullisComponent;
import dev.portcullis.gateway.ApiKind;
import dev.portcullis.gateway.GatewaySettings;
import dev.portcullis.gateway.LocalGateway;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bounded load run of {@code serve} over loopback, not a test: the demo world on the memory
 * backend, a REST TOKEN API, clients that each hold their own JDK HttpClient and send one request
 * after another. It runs once with API Gateway's cache (300 s) and once with it off, so every
 * request reaches the authorizer, and prints throughput, p50 and p99 for each.
 *
 * <pre>
 * mvn -B -q package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar dev.portcullis.benchmarks.gateway.LoadRun \
 *     [REQUESTS CLIENTS]
 * </pre>
 */
public final class LoadRun {

  /** Requests run before measuring, to load classes and let the JIT compile the hot path. */
  private static final int WARM_UP = 4_000;

  /** The longest a phase may take; past it the clients stop and the partial figures print. */
  private static final Duration TIME_LIMIT = Duration.ofSeconds(120);

  /** The calls each client cycles through, and the status each must get. */
  private record Call(String method, String path, String token, int status) {}

  private static final List<Call> MIX =
      List.of(
          new Call("GET", "/orders/1", DemoWorld.READER_TOKEN, 200),
          new Call("DELETE", "/orders/2", DemoWorld.ADMIN_TOKEN, 200),
          new Call("GET", "/orders", DemoWorld.READER_TOKEN, 200),
          new Call("DELETE", "/orders/3", DemoWorld.READER_TOKEN, 403),
          new Call("GET", "/orders", DemoWorld.EXPIRED_TOKEN, 401));

  private LoadRun() {}

  public static void main(String[] args) throws Exception {
    int requests = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int clients = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    System.out.printf(
        Locale.ROOT,
        "Load run: %,d requests from %d clients over loopback, per phase, after %,d warm-up"
            + " requests;%n%d cores, Java %s (%s), %d gateway workers, access log discarded.%n"
            + "Mix: 3/5 allowed (200), 1/5 refused by policy (403), 1/5 expired session (401).%n%n",
        requests,
        clients,
        WARM_UP,
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"),
        System.getProperty("java.vm.name"),
        LocalGateway.WORKERS);
    for (int ttl : List.of(300, 0)) {
      phase(ttl, requests, clients);
    }
  }

  private static void phase(int ttl, int requests, int clients) throws Exception {
    PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
    PortcullisComponent component =
        Portcullis.fromEnvironment(DemoWorld.environment(Map.of()), discard);
    GatewaySettings defaults = GatewaySettings.defaults(ApiKind.REST_TOKEN);
    GatewaySettings settings =
        new GatewaySettings(
            defaults.host(),
            0,
            defaults.kind(),
            defaults.identitySources(),
            ttl,
            defaults.upstream(),
            defaults.api(),
            false);
    try (LocalGateway gateway =
        LocalGateway.builder(settings, authorizer(component)).log(discard).start()) {
      run(gateway.baseUri(), WARM_UP, clients);
      long started = System.nanoTime();
      Result result = run(gateway.baseUri(), requests, clients);
      double seconds = (System.nanoTime() - started) / 1e9;
      long[] latencies = result.latencies();
      Arrays.sort(latencies);
      System.out.printf(
          Locale.ROOT,
          "cache %-6s %,7d requests in %5.2f s: %,8.0f requests/s, p50 %6.3f ms, p99 %6.3f ms,"
              + " max %7.3f ms, wrong statuses %d%s%n",
          ttl == 0 ? "off" : ttl + " s",
          latencies.length,
          seconds,
          latencies.length / seconds,
          percentile(latencies, 0.50) / 1e6,
          percentile(latencies, 0.99) / 1e6,
          latencies.length == 0 ? 0 : latencies[latencies.length - 1] / 1e6,
          result.wrong(),
          latencies.length < requests ? " (stopped at the time limit)" : "");
    }
  }

  /** The authorizer as the serve command wires it: the request id taken from the context. */
  private static RequestStreamHandler authorizer(PortcullisComponent component) {
    AuthorizerAdapter adapter = component.authorizer();
    return (event, response, context) -> adapter.handle(event, response, context.getAwsRequestId());
  }

  /** Every latency measured, in nanoseconds, and how many answers had the wrong status. */
  private record Result(long[] latencies, int wrong) {}

  private static Result run(URI base, int requests, int clients) throws Exception {
    AtomicInteger next = new AtomicInteger();
    AtomicInteger wrong = new AtomicInteger();
    long deadline = System.nanoTime() + TIME_LIMIT.toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<long[]>> futures = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        futures.add(
            pool.submit(
                () -> {
                  HttpClient client =
                      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                  long[] mine = new long[requests];
                  int count = 0;
                  int index;
                  while ((index = next.getAndIncrement()) < requests
                      && System.nanoTime() < deadline) {
                    Call call = MIX.get(index % MIX.size());
                    HttpRequest request =
                        HttpRequest.newBuilder(URI.create(base + call.path()))
                            .method(call.method(), HttpRequest.BodyPublishers.noBody())
                            .header("Authorization", "Bearer " + call.token())
                            .build();
                    long sent = System.nanoTime();
                    HttpResponse<byte[]> response =
                        client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    mine[count++] = System.nanoTime() - sent;
                    if (response.statusCode() != call.status()) {
                      wrong.incrementAndGet();
                    }
                  }
                  return Arrays.copyOf(mine, count);
                }));
      }
      List<long[]> parts = new ArrayList<>();
      for (Future<long[]> future : futures) {
        parts.add(future.get(TIME_LIMIT.toSeconds() + 30, TimeUnit.SECONDS));
      }
      long[] all = parts.stream().flatMapToLong(Arrays::stream).toArray();
      return new Result(all, wrong.get());
    } finally {
      pool.shutdownNow();
    }
  }

  private static long percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int index = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }
}
