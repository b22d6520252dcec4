package dev.portcullis.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.adapters.dynamodb.LocalDynamoDb;
import dev.portcullis.bootstrap.Portcullis;
import dev.portcullis.bootstrap.config.Configuration;
import dev.portcullis.bootstrap.wiring.PortcullisComponent;
import dev.portcullis.domain.port.in.IssueSessionCommand;
import dev.portcullis.gateway.GatewaySettings;
import dev.portcullis.gateway.LocalGateway;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The revocation promise of docs/operations.md, end to end: {@code serve} wired as the command
 * wires it, over the DynamoDB backend on a local server, under a load of eight clients on 200
 * sessions, with some sessions revoked in the middle of it. No revoked session is accepted later
 * than the gateway's TTL plus the in-function cache plus the read's staleness (with a 3x margin),
 * and no valid session is ever refused or failed.
 */
class RevocationUnderLoadIT {

  @RegisterExtension static final LocalDynamoDb DYNAMODB = LocalDynamoDb.chosen();

  private static final Path RULES = Path.of("..", "docs", "examples", "rules.json");

  private static final int CLIENTS = 8;
  private static final int SESSIONS = 200;

  /** Every twentieth session is revoked. */
  private static final int REVOKE_EVERY = 20;

  private static final int GATEWAY_TTL_SECONDS = 1;
  private static final int CACHE_SECONDS = 1;

  /** A + C + S of docs/operations.md, with strongly consistent reads (S = 0). */
  private static final Duration PROMISED = Duration.ofSeconds(GATEWAY_TTL_SECONDS + CACHE_SECONDS);

  /** The promise with the 3x margin a shared machine needs. */
  private static final Duration BOUND = PROMISED.multipliedBy(3);

  /** How long the load runs before the revocations, and after the bound has passed. */
  private static final Duration BEFORE = Duration.ofSeconds(3);

  private static final Duration AFTER = Duration.ofSeconds(2);

  /** Caps on the load, whatever the machine's speed. */
  private static final int MAX_REQUESTS_PER_CLIENT = 5_000;

  private static final Duration MAX_LOAD = Duration.ofSeconds(30);

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  /** One answered request: which session, the status, and when the answer arrived. */
  record Answer(int session, int status, long receivedNanos) {}

  @Test
  void no_revoked_session_is_accepted_past_the_promised_bound_and_no_valid_one_is_refused()
      throws Exception {
    // Arrange: serve over DynamoDB, and an operator with the same settings issuing 200 sessions.
    Map<String, String> env = environment(DYNAMODB.newTable());
    PortcullisComponent operator = component(env);
    List<String> tokens =
        IntStream.range(0, SESSIONS).mapToObj(i -> issue(operator, "load-" + i)).toList();
    PortcullisComponent served = component(env);
    GatewaySettings settings =
        ServeOptions.fromOptions(
                Map.of(
                    "port",
                    "0",
                    "kind",
                    "rest-token",
                    "cache-ttl",
                    Integer.toString(GATEWAY_TTL_SECONDS)),
                Set.of())
            .gateway();
    ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Throwable> clientFailures = new ConcurrentLinkedQueue<>();
    long[] revokedAt = new long[SESSIONS];
    int revocations = 0;
    LocalGateway gateway =
        LocalGateway.builder(settings, ServeCommand.authorizer(served))
            .simpleResponses(ServeCommand.simpleResponses(served))
            .log(new PrintStream(OutputStream.nullOutputStream()))
            .start();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    try {
      URI orders = gateway.baseUri().resolve("/orders");
      AtomicBoolean stop = new AtomicBoolean();
      AtomicInteger next = new AtomicInteger();
      long started = System.nanoTime();
      long hardStop = started + MAX_LOAD.toNanos();
      List<Future<?>> running = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        running.add(
            clients.submit(
                () -> {
                  for (int n = 0;
                      n < MAX_REQUESTS_PER_CLIENT && !stop.get() && System.nanoTime() < hardStop;
                      n++) {
                    int session = session(next.getAndIncrement());
                    try {
                      int status = get(orders, tokens.get(session));
                      answers.add(new Answer(session, status, System.nanoTime()));
                    } catch (Exception e) {
                      clientFailures.add(e);
                      return;
                    }
                  }
                }));
      }

      // Act: revoke every twentieth session in the middle of the load, and keep the load on until
      // well past the bound.
      TimeUnit.NANOSECONDS.sleep(BEFORE.toNanos());
      for (int session = 0; session < SESSIONS; session += REVOKE_EVERY) {
        assertThat(operator.sessions().revoke(tokens.get(session))).isTrue();
        revokedAt[session] = System.nanoTime();
        revocations++;
      }
      TimeUnit.NANOSECONDS.sleep(BOUND.plus(AFTER).toNanos());
      stop.set(true);
      for (Future<?> client : running) {
        client.get(MAX_LOAD.toSeconds(), TimeUnit.SECONDS);
      }
      long loadMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

      // Assert
      assertThat(clientFailures).as("requests that got no answer").isEmpty();
      List<Answer> all = List.copyOf(answers);
      List<Answer> valid = all.stream().filter(a -> revokedAt[a.session()] == 0).toList();
      List<Answer> revoked = all.stream().filter(a -> revokedAt[a.session()] != 0).toList();
      assertThat(valid).as("answers to valid sessions").isNotEmpty();
      assertThat(valid)
          .as("a valid session refused (401) or failed (500)")
          .noneMatch(a -> a.status() == 401 || a.status() >= 500)
          .allMatch(a -> a.status() == 200);
      assertThat(revoked).as("a revoked session failed (500)").allMatch(a -> a.status() != 500);
      List<Answer> acceptedAfterRevocation =
          revoked.stream()
              .filter(a -> a.status() == 200 && a.receivedNanos() > revokedAt[a.session()])
              .toList();
      long latestNanos =
          acceptedAfterRevocation.stream()
              .mapToLong(a -> a.receivedNanos() - revokedAt[a.session()])
              .max()
              .orElse(0);
      assertThat(Duration.ofNanos(latestNanos))
          .as("the latest acceptance of a revoked session after its revocation")
          .isLessThanOrEqualTo(BOUND);
      long afterTheBound =
          revoked.stream()
              .filter(a -> a.receivedNanos() > revokedAt[a.session()] + BOUND.toNanos())
              .count();
      assertThat(afterTheBound)
          .as("requests for revoked sessions made after the bound, which the test is about")
          .isPositive();
      for (int session = 0; session < SESSIONS; session += REVOKE_EVERY) {
        assertThat(get(orders, tokens.get(session)))
            .as("revoked session %d once the load is over", session)
            .isEqualTo(401);
      }
      System.out.printf(
          "revocation under load: %d requests (%d for revoked sessions, %d of them 200 after"
              + " the revocation), %d clients, %d sessions, %d revocations, %d ms of load,"
              + " latest acceptance %d ms after a revocation (bound %d ms)%n",
          all.size(),
          revoked.size(),
          acceptedAfterRevocation.size(),
          CLIENTS,
          SESSIONS,
          revocations,
          loadMillis,
          TimeUnit.NANOSECONDS.toMillis(latestNanos),
          BOUND.toMillis());
    } finally {
      clients.shutdownNow();
      gateway.stop(Duration.ZERO);
    }
  }

  /**
   * The session of the {@code n}th request: every other request goes round all the sessions, and
   * the rest round the sessions to be revoked, so that each of those is asked again well within the
   * caches' TTLs, where a late acceptance would show.
   */
  private static int session(int n) {
    int round = Math.floorMod(n / 2, SESSIONS);
    return n % 2 == 0 ? round : (round % (SESSIONS / REVOKE_EVERY)) * REVOKE_EVERY;
  }

  /**
   * Serve's settings over {@code table}, with the TTLs low and DynamoDB's timeouts long: a call
   * timed out on a busy machine would be a 500 that says nothing about revocation, and the local
   * server stops when a client abandons a request half sent.
   */
  private static Map<String, String> environment(String table) {
    return Map.of(
        "PORTCULLIS_BACKENDS",
        "dynamodb",
        "PORTCULLIS_TABLE",
        table,
        "AWS_REGION",
        LocalDynamoDb.REGION,
        "AWS_ENDPOINT_URL_DYNAMODB",
        DYNAMODB.endpoint().toString(),
        "PORTCULLIS_RULES",
        "file:" + RULES,
        "PORTCULLIS_CACHE_SECONDS",
        Integer.toString(CACHE_SECONDS),
        "PORTCULLIS_DYNAMODB_TIMEOUT_MS",
        "10000",
        "PORTCULLIS_DYNAMODB_ATTEMPT_TIMEOUT_MS",
        "5000");
  }

  private static PortcullisComponent component(Map<String, String> env) {
    return Portcullis.build(
        Configuration.fromEnvironment(env), env, new PrintStream(OutputStream.nullOutputStream()));
  }

  private static String issue(PortcullisComponent operator, String principal) {
    return operator
        .sessions()
        .issue(
            new IssueSessionCommand(
                principal, Set.of("reader"), Map.of(), Duration.ofHours(1), Optional.empty()))
        .token();
  }

  private static int get(URI uri, String token) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(10))
            .header("Authorization", "Bearer " + token)
            .GET()
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
