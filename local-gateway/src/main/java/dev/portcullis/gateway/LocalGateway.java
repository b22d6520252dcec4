package dev.portcullis.gateway;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * The local API Gateway: the JDK's built-in HTTP server (no dependency, and nothing to load beyond
 * the JDK's own classes) in front of an authorizer, with API Gateway's cache and answers.
 *
 * <p>The authorizer is a {@link RequestStreamHandler}, invoked as Lambda invokes it: the event in,
 * the answer out, or an exception. As on API Gateway, an exception whose message is exactly {@value
 * #UNAUTHORIZED} means 401, and any other means 500.
 *
 * <p>Under {@code /_portcullis/} it serves the decision inspector instead, which never reaches the
 * authorizer: the last requests, each with its masked event, the answer, the policy and, with an
 * {@link CallExplainer}, the explanation.
 */
public final class LocalGateway implements AutoCloseable {

  /** The error message that API Gateway turns into 401. */
  public static final String UNAUTHORIZED = "Unauthorized";

  /** Requests served at once; the rest queue. Authorizer calls and upstream calls block. */
  public static final int WORKERS = 16;

  static {
    // The JDK server writes the headers and the body of an answer separately; with Nagle's
    // algorithm on, the body then waits for the client's delayed ACK. The property is read once,
    // when the first server of the JVM is built.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final HttpServer server;
  private final ExecutorService workers;
  private final GatewaySettings settings;
  private final InFlight inFlight;

  private LocalGateway(
      HttpServer server, ExecutorService workers, GatewaySettings settings, InFlight inFlight) {
    this.server = server;
    this.workers = workers;
    this.settings = settings;
    this.inFlight = inFlight;
  }

  /** Starts building a gateway for {@code settings} in front of {@code authorizer}. */
  public static Builder builder(GatewaySettings settings, RequestStreamHandler authorizer) {
    return new Builder(settings, authorizer);
  }

  /** The port listened on: the one asked for, or the one picked for port 0. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** {@code http://HOST:PORT}, for clients on this machine. */
  public URI baseUri() {
    String host = settings.host().equals("0.0.0.0") ? "127.0.0.1" : settings.host();
    return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port());
  }

  /** What the gateway plays, and where. */
  public GatewaySettings settings() {
    return settings;
  }

  /**
   * Lets requests in flight finish for up to {@code grace}, then stops the server and the workers.
   * With nothing in flight it stops at once: the JDK 17 server's own {@code stop(delay)} waits the
   * whole delay even when no request is running.
   */
  public void stop(Duration grace) {
    inFlight.awaitNone(grace);
    server.stop(0);
    workers.shutdownNow();
  }

  @Override
  public void close() {
    stop(Duration.ZERO);
  }

  /** Counts the requests being served, so that a stop waits for them and for nothing else. */
  static final class InFlight extends Filter {
    private int running;

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
      synchronized (this) {
        running++;
      }
      try {
        chain.doFilter(exchange);
      } finally {
        synchronized (this) {
          running--;
          notifyAll();
        }
      }
    }

    @Override
    public String description() {
      return "counts the requests in flight";
    }

    /** Waits until no request runs, or {@code grace} has passed. */
    synchronized void awaitNone(Duration grace) {
      long deadline = System.nanoTime() + grace.toNanos();
      try {
        while (running > 0) {
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            return;
          }
          wait(Math.max(1, left / 1_000_000));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Collects the optional parts, then binds and starts. */
  public static final class Builder {
    private final GatewaySettings settings;
    private final RequestStreamHandler authorizer;
    private boolean simpleResponses;
    private LongSupplier ticker = System::nanoTime;
    private Clock clock = Clock.systemUTC();
    private PrintStream log = System.err;
    private CallExplainer explainer;

    private Builder(GatewaySettings settings, RequestStreamHandler authorizer) {
      this.settings = Objects.requireNonNull(settings, "settings");
      this.authorizer = Objects.requireNonNull(authorizer, "authorizer");
    }

    /** Whether the authorizer answers HTTP payload 2.0 with simple responses. */
    public Builder simpleResponses(boolean simpleResponses) {
      this.simpleResponses = simpleResponses;
      return this;
    }

    /** The nanosecond ticker the cache's TTL runs on; tests move it by hand. */
    public Builder ticker(LongSupplier ticker) {
      this.ticker = Objects.requireNonNull(ticker, "ticker");
      return this;
    }

    /** The clock for request times in events and the access log. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Where the access log and failures go: standard error by default. */
    public Builder log(PrintStream log) {
      this.log = Objects.requireNonNull(log, "log");
      return this;
    }

    /**
     * What the decision inspector shows as the explanation of each event; without one, it shows the
     * event, the answer and the policy only.
     */
    public Builder explainer(CallExplainer explainer) {
      this.explainer = Objects.requireNonNull(explainer, "explainer");
      return this;
    }

    /** Binds the address and starts serving. */
    public LocalGateway start() throws IOException {
      Integration integration =
          settings
              .upstream()
              .<Integration>map(UpstreamIntegration::new)
              .orElseGet(EchoIntegration::new);
      DecisionInspector inspector = new DecisionInspector(explainer);
      GatewayHandler gateway =
          new GatewayHandler(
              settings,
              authorizer,
              simpleResponses,
              new ResultCache(settings.cacheTtlSeconds(), ticker),
              integration,
              log,
              clock,
              inspector);
      InspectorHandler inspection = new InspectorHandler(inspector);
      HttpServer server =
          HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), 128);
      AtomicInteger count = new AtomicInteger();
      ExecutorService workers =
          Executors.newFixedThreadPool(
              WORKERS,
              task -> {
                Thread thread = new Thread(task, "portcullis-serve-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
              });
      InFlight inFlight = new InFlight();
      HttpHandler routes =
          exchange -> {
            if (InspectorHandler.claims(exchange.getRequestURI())) {
              inspection.handle(exchange);
            } else {
              gateway.handle(exchange);
            }
          };
      server.createContext("/", routes).getFilters().add(inFlight);
      server.setExecutor(workers);
      server.start();
      return new LocalGateway(server, workers, settings, inFlight);
    }
  }
}
