package dev.portcullis.adapters.jwt;

import static dev.portcullis.adapters.jwt.Fixture.credential;
import static dev.portcullis.adapters.jwt.Fixture.env;
import static dev.portcullis.adapters.jwt.Fixture.resolver;
import static dev.portcullis.adapters.jwt.Fixture.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.nimbusds.jose.jwk.JWKSet;
import dev.portcullis.domain.model.Resolution;
import dev.portcullis.domain.port.out.BackendUnavailableException;
import dev.portcullis.domain.testing.MutableClock;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A JWKS refresh never takes longer than its timeout, and never holds up tokens signed by keys
 * already held, however slowly the endpoint answers.
 */
class JwksDeadlineTest {

  private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

  /** The fetch timeout of these tests; every deadline below is asserted with 3 times it. */
  private static final Duration TIMEOUT = Duration.ofMillis(500);

  private final MutableClock clock = MutableClock.at(NOW);
  private final JwksServer server = JwksServer.serving(TestKeys.RSA);

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void aDocumentTrickledOneByteAtATimeIsAbandonedAtTheDeadline() {
    // Arrange: some 400 bytes at one per 50 ms would take 20 s; no single read times out.
    server.answer(JwksServer.Mode.TRICKLE);
    HttpJwksFetcher fetcher = new HttpJwksFetcher(TIMEOUT);
    long start = System.nanoTime();

    // Act and assert
    assertThatThrownBy(() -> fetcher.fetch(server.url()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("within 500 ms");
    assertThat(elapsedSince(start)).isLessThan(TIMEOUT.multipliedBy(3));
  }

  @Test
  void headersTrickledOneByteAtATimeAreAbandonedAtTheDeadline() throws Exception {
    try (TricklingHeaders endpoint = new TricklingHeaders()) {
      HttpJwksFetcher fetcher = new HttpJwksFetcher(TIMEOUT);
      long start = System.nanoTime();

      assertThatThrownBy(() -> fetcher.fetch(endpoint.url())).isInstanceOf(IOException.class);

      assertThat(elapsedSince(start)).isLessThan(TIMEOUT.multipliedBy(3));
    }
  }

  @Test
  void aTokenWhoseKeyNeedsATrickledFetchFailsWithinTheDeadlineAsCannotAnswer() {
    server.answer(JwksServer.Mode.TRICKLE);
    JwtIdentityResolver resolver =
        resolver(env(server, "PORTCULLIS_JWT_JWKS_TIMEOUT_MS", "500"), clock);
    long start = System.nanoTime();

    assertThatThrownBy(() -> resolver.resolve(credential(token(TestKeys.RSA))))
        .isInstanceOf(BackendUnavailableException.class);

    assertThat(elapsedSince(start)).isLessThan(TIMEOUT.multipliedBy(3));
  }

  @Test
  void aKnownKeyVerifiesWhileAnotherCallerWaitsForASlowRefresh() throws Exception {
    // Arrange: the keys are fetched once; the next fetch hangs until released.
    BlockingFetcher fetcher = new BlockingFetcher(new JWKSet(List.of(TestKeys.RSA)));
    JwtIdentityResolver resolver = withFetcher(fetcher);
    assertThat(resolver.resolve(credential(token(TestKeys.RSA))))
        .isInstanceOf(Resolution.Resolved.class);
    fetcher.publish(new JWKSet(List.of(TestKeys.RSA, TestKeys.RSA_NEXT))).blockNextFetches();
    clock.advance(Duration.ofSeconds(10));
    CompletableFuture<Resolution> rotated =
        CompletableFuture.supplyAsync(() -> resolver.resolve(credential(token(TestKeys.RSA_NEXT))));
    assertThat(fetcher.awaitBlockedFetch()).isTrue();

    // Act: a token signed with the key already held, while that refresh hangs.
    Resolution known =
        assertTimeoutPreemptively(
            TIMEOUT.multipliedBy(3), () -> resolver.resolve(credential(token(TestKeys.RSA))));

    // Assert
    assertThat(known).isInstanceOf(Resolution.Resolved.class);
    assertThat(rotated).isNotDone();
    fetcher.release();
    assertThat(rotated.get(5, TimeUnit.SECONDS)).isInstanceOf(Resolution.Resolved.class);
    assertThat(fetcher.fetches()).isEqualTo(2);
  }

  @Test
  void aKnownKeyPastItsMaximumAgeVerifiesAtOnceAndIsRefreshedInTheBackground() throws Exception {
    // Arrange
    BlockingFetcher fetcher = new BlockingFetcher(new JWKSet(List.of(TestKeys.RSA)));
    JwtIdentityResolver resolver = withFetcher(fetcher);
    resolver.resolve(credential(token(TestKeys.RSA)));
    fetcher.blockNextFetches();
    clock.advance(Duration.ofMinutes(16));

    // Act
    Resolution stale =
        assertTimeoutPreemptively(
            TIMEOUT.multipliedBy(3), () -> resolver.resolve(credential(token(TestKeys.RSA))));

    // Assert
    assertThat(stale).isInstanceOf(Resolution.Resolved.class);
    assertThat(fetcher.awaitBlockedFetch()).isTrue();
    fetcher.release();
    resolver.keys().refreshInFlight(Tokens.ISSUER).ifPresent(CompletableFuture::join);
    assertThat(fetcher.fetches()).isEqualTo(2);
  }

  @Test
  void callersWithAnUnknownKeyIdShareOneFetch() throws Exception {
    // Arrange
    BlockingFetcher fetcher = new BlockingFetcher(new JWKSet(List.of(TestKeys.RSA)));
    JwtIdentityResolver resolver = withFetcher(fetcher);
    resolver.resolve(credential(token(TestKeys.RSA)));
    fetcher.publish(new JWKSet(List.of(TestKeys.RSA, TestKeys.RSA_NEXT))).blockNextFetches();
    clock.advance(Duration.ofSeconds(10));

    // Act
    List<CompletableFuture<Resolution>> callers =
        List.of(
            CompletableFuture.supplyAsync(
                () -> resolver.resolve(credential(token(TestKeys.RSA_NEXT)))),
            CompletableFuture.supplyAsync(
                () -> resolver.resolve(credential(token(TestKeys.RSA_NEXT)))),
            CompletableFuture.supplyAsync(
                () -> resolver.resolve(credential(token(TestKeys.RSA_NEXT)))));
    assertThat(fetcher.awaitBlockedFetch()).isTrue();
    fetcher.release();

    // Assert
    for (CompletableFuture<Resolution> caller : callers) {
      assertThat(caller.get(5, TimeUnit.SECONDS)).isInstanceOf(Resolution.Resolved.class);
    }
    assertThat(fetcher.fetches()).isEqualTo(2);
  }

  private JwtIdentityResolver withFetcher(JwksFetcher fetcher) {
    return new JwtIdentityResolver(settings(env(server)), clock, fetcher, Map.of());
  }

  private String token(com.nimbusds.jose.jwk.JWK key) {
    return Tokens.sign(key, Tokens.claims(clock.instant()).build());
  }

  private static Duration elapsedSince(long start) {
    return Duration.ofNanos(System.nanoTime() - start);
  }

  /** A fetcher serving a set of keys, whose fetches can be made to hang until released. */
  private static final class BlockingFetcher implements JwksFetcher {
    private final AtomicInteger fetches = new AtomicInteger();
    private final CountDownLatch blocked = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile JWKSet keys;
    private volatile boolean block;

    BlockingFetcher(JWKSet keys) {
      this.keys = keys;
    }

    BlockingFetcher publish(JWKSet published) {
      this.keys = published;
      return this;
    }

    BlockingFetcher blockNextFetches() {
      this.block = true;
      return this;
    }

    boolean awaitBlockedFetch() throws InterruptedException {
      return blocked.await(5, TimeUnit.SECONDS);
    }

    void release() {
      released.countDown();
    }

    int fetches() {
      return fetches.get();
    }

    @Override
    public String fetch(URI jwksUrl) throws IOException {
      fetches.incrementAndGet();
      if (block) {
        blocked.countDown();
        try {
          if (!released.await(10, TimeUnit.SECONDS)) {
            throw new IOException("never released");
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted", e);
        }
      }
      return keys.toPublicJWKSet().toString();
    }
  }

  /**
   * An endpoint on 127.0.0.1 that starts a 200 answer and then sends a header one byte every 50 ms,
   * for as long as the client stays (at most 30 s).
   */
  private static final class TricklingHeaders implements AutoCloseable {
    private final ServerSocket socket;
    private final Thread sender;

    TricklingHeaders() throws IOException {
      socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
      sender = new Thread(this::serve, "trickling-headers");
      sender.setDaemon(true);
      sender.start();
    }

    URI url() {
      return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/jwks.json");
    }

    private void serve() {
      try (Socket client = socket.accept();
          OutputStream out = client.getOutputStream()) {
        out.write("HTTP/1.1 200 OK\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < 600 && !Thread.currentThread().isInterrupted(); i++) {
          out.write('a');
          out.flush();
          Thread.sleep(50);
        }
      } catch (IOException e) {
        // The client went away, as it should at its deadline.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    @Override
    public void close() throws IOException {
      sender.interrupt();
      socket.close();
    }
  }
}
