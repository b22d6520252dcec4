package dev.portcullis.adapters.jwt;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches a JWKS with the JDK's {@link HttpURLConnection}, within one deadline for the whole fetch:
 * connecting, the status line and headers, and every byte of the body.
 *
 * <p>Chosen over {@code java.net.http.HttpClient} because a first fetch can come with the first
 * call after a cold start, where the classes a client loads are what it costs (docs/performance.md,
 * "Why the JWKS is fetched with HttpURLConnection"). Redirects are not followed, and a body above
 * {@value #MAX_BYTES} bytes is refused.
 *
 * <p>The connection's own timeouts bound each connect and each read, not their sum: an endpoint
 * that sends one byte a second never trips them. So the fetch runs on a thread of its own and the
 * caller waits for it until the deadline, then gives up on it and closes its connection. Fetches
 * are rare (at most one per issuer per rate-limit window), so a thread each costs nothing that
 * matters.
 */
final class HttpJwksFetcher implements JwksFetcher {

  /** Real JWKS documents are a few KB; this bounds what a broken endpoint can make us read. */
  static final int MAX_BYTES = 256 * 1024;

  private final Duration timeout;
  private final int timeoutMillis;

  HttpJwksFetcher(Duration timeout) {
    this.timeout = timeout;
    this.timeoutMillis = Math.toIntExact(timeout.toMillis());
  }

  @Override
  public String fetch(URI jwksUrl) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    HttpURLConnection connection = (HttpURLConnection) jwksUrl.toURL().openConnection();
    connection.setConnectTimeout(timeoutMillis);
    connection.setReadTimeout(timeoutMillis);
    connection.setInstanceFollowRedirects(false);
    connection.setUseCaches(false);
    connection.setRequestProperty("Accept", "application/jwk-set+json, application/json");
    FutureTask<String> download = new FutureTask<>(() -> download(connection, deadline));
    Thread worker = new Thread(download, "portcullis-jwks-fetch");
    worker.setDaemon(true);
    worker.start();
    try {
      return download.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      abandon(download, connection);
      throw new JwksFetchException(
          "Timeout",
          "the JWKS endpoint did not send its whole answer within " + timeoutMillis + " ms");
    } catch (InterruptedException e) {
      abandon(download, connection);
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while fetching the JWKS");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IOException("fetching the JWKS failed", cause);
    }
  }

  /** Connects, reads the status and the body; runs on the worker thread. */
  private static String download(HttpURLConnection connection, long deadline) throws IOException {
    try {
      connection.connect();
      // A caller that gave up while the connection was being made could not close it yet.
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedIOException("the fetch was abandoned");
      }
      int status = connection.getResponseCode();
      if (status != HttpURLConnection.HTTP_OK) {
        throw new JwksFetchException(
            "HttpError " + status, "the JWKS endpoint answered HTTP " + status);
      }
      try (InputStream in = connection.getInputStream()) {
        return new String(readBody(in, deadline), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      connection.disconnect();
      throw e;
    }
  }

  /**
   * The body, read in chunks with the deadline checked between them, so that the worker stops too
   * once its caller has given up, at the latest one read timeout after the deadline.
   */
  private static byte[] readBody(InputStream in, long deadline) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    byte[] chunk = new byte[8192];
    int read;
    while ((read = in.read(chunk)) != -1) {
      body.write(chunk, 0, read);
      if (body.size() > MAX_BYTES) {
        throw new JwksFetchException(
            "TooLarge", "the JWKS document is larger than " + MAX_BYTES + " bytes");
      }
      if (System.nanoTime() - deadline > 0) {
        throw new JwksFetchException(
            "Timeout", "the JWKS endpoint is too slow to send its document");
      }
    }
    return body.toByteArray();
  }

  /**
   * Stops waiting for a download and closes its connection. The close runs on a thread of its own:
   * while the worker is blocked reading the body it holds the stream's lock, which {@code
   * disconnect} needs too, and the caller must not wait for that.
   */
  private static void abandon(FutureTask<String> download, HttpURLConnection connection) {
    download.cancel(true);
    Thread closer = new Thread(connection::disconnect, "portcullis-jwks-close");
    closer.setDaemon(true);
    closer.start();
  }
}
