package dev.portcullis.gateway;

import static dev.portcullis.gateway.TestGateway.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Allowed requests reach the upstream with the authorizer's answer in headers no client can forge.
 */
class UpstreamIntegrationTest {

  @TempDir Path dir;

  private HttpServer upstream;
  private final AtomicReference<Received> received = new AtomicReference<>();

  /** What the upstream saw. */
  private record Received(String method, String uri, Headers headers, String body) {}

  @BeforeEach
  void start_the_upstream() throws IOException {
    upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    upstream.createContext(
        "/",
        exchange -> {
          received.set(
              new Received(
                  exchange.getRequestMethod(),
                  exchange.getRequestURI().toString(),
                  exchange.getRequestHeaders(),
                  new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
          byte[] body = "{\"from\":\"upstream\"}".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("X-Upstream", "yes");
          exchange.sendResponseHeaders(201, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    upstream.start();
  }

  @AfterEach
  void stop_the_upstream() {
    upstream.stop(0);
  }

  @Test
  void the_upstream_receives_the_principal_and_the_context_as_headers() {
    try (TestGateway gateway = start(ApiKind.REST_TOKEN)) {
      HttpResponse<String> response = gateway.get("/orders/42?expand=items", BOB);

      assertThat(response.statusCode()).isEqualTo(201);
      assertThat(response.body()).isEqualTo("{\"from\":\"upstream\"}");
      assertThat(response.headers().firstValue("X-Upstream")).hasValue("yes");
      Received request = received.get();
      assertThat(request.method()).isEqualTo("GET");
      assertThat(request.uri()).isEqualTo("/orders/42?expand=items");
      assertThat(request.headers().getFirst("X-Portcullis-Principal-Id")).isEqualTo("bob");
      assertThat(request.headers().getFirst("X-Portcullis-Context-roles")).isEqualTo("reader");
      assertThat(request.headers().getFirst("X-Portcullis-Context-tenant")).isEqualTo("acme");
      assertThat(request.headers().getFirst("X-Portcullis-Context-expiresAt"))
          .isEqualTo("4070908800");
      assertThat(request.headers().getFirst("Authorization")).isEqualTo("Bearer " + BOB);
    }
  }

  @Test
  void headers_a_client_sends_under_the_gateways_prefix_never_reach_the_upstream() {
    try (TestGateway gateway = start(ApiKind.REST_TOKEN)) {
      gateway.send(
          "GET",
          "/orders",
          "Authorization",
          "Bearer " + BOB,
          "X-Portcullis-Principal-Id",
          "alice",
          "x-portcullis-context-roles",
          "admin",
          "X-PORTCULLIS-CONTEXT-IS-ADMIN",
          "true");

      Headers headers = received.get().headers();
      assertThat(headers.get("X-Portcullis-Principal-Id")).containsExactly("bob");
      assertThat(headers.get("X-Portcullis-Context-roles")).containsExactly("reader");
      assertThat(headers.get("X-Portcullis-Context-is-admin")).isNull();
    }
  }

  @Test
  void the_body_and_method_are_forwarded() {
    try (TestGateway gateway = start(ApiKind.HTTP_V2)) {
      gateway.send(
          "POST",
          "/orders",
          "{\"item\":1}".getBytes(StandardCharsets.UTF_8),
          "Authorization",
          "Bearer " + TestGateway.ALICE,
          "Content-Type",
          "application/json");

      assertThat(received.get().method()).isEqualTo("POST");
      assertThat(received.get().body()).isEqualTo("{\"item\":1}");
      assertThat(received.get().headers().getFirst("Content-Type")).isEqualTo("application/json");
    }
  }

  @Test
  void a_refused_request_never_reaches_the_upstream() {
    try (TestGateway gateway = start(ApiKind.REST_TOKEN)) {
      gateway.call("DELETE", "/orders/42", BOB);
      gateway.get("/orders", TestGateway.CAROL);

      assertThat(received.get()).isNull();
    }
  }

  @Test
  void an_unreachable_upstream_gives_502() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    GatewaySettings settings =
        TestGateway.settings(ApiKind.REST_TOKEN, "upstream", "http://127.0.0.1:" + closedPort);
    try (TestGateway gateway = TestGateway.start(settings, TestAuthorizer.in(dir))) {
      assertThat(gateway.get("/orders", BOB).statusCode()).isEqualTo(502);
    }
  }

  @Test
  void context_header_values_outside_visible_ascii_are_percent_encoded() {
    assertThat(ContextHeaders.headerValue("Zoë 100%")).isEqualTo("Zo%C3%AB%20100%25");
    assertThat(ContextHeaders.headerValue("acme corp")).isEqualTo("acme corp");
  }

  private TestGateway start(ApiKind kind) {
    GatewaySettings settings =
        TestGateway.settings(
            kind, "upstream", "http://127.0.0.1:" + upstream.getAddress().getPort());
    return TestGateway.start(settings, TestAuthorizer.in(dir));
  }
}
