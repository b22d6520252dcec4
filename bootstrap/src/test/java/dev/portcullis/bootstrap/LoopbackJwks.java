package dev.portcullis.bootstrap;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** An issuer's JWKS endpoint on 127.0.0.1, publishing one RSA key, for tests of the JWT backend. */
public final class LoopbackJwks implements AutoCloseable {

  /** The issuer whose keys it publishes. */
  public static final String ISSUER = "https://issuer.example.com/";

  private final HttpServer server;
  private final RSAKey key;

  private LoopbackJwks() {
    try {
      key = new RSAKeyGenerator(2048).keyID("loopback-1").generate();
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    byte[] body = new JWKSet(key).toPublicJWKSet().toString().getBytes(StandardCharsets.UTF_8);
    server.createContext(
        "/jwks.json",
        exchange -> {
          try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(body);
            }
          }
        });
    server.start();
  }

  /** A started endpoint. */
  public static LoopbackJwks start() {
    return new LoopbackJwks();
  }

  /** The JWKS URL, {@code http://127.0.0.1:PORT/jwks.json}. */
  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json");
  }

  /** The key the endpoint publishes, private part included, to sign test tokens. */
  public RSAKey key() {
    return key;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
