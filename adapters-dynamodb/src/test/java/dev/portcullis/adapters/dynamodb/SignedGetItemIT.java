package dev.portcullis.adapters.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.portcullis.domain.model.Credential;
import dev.portcullis.domain.model.Identity;
import dev.portcullis.domain.model.Session;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;

/**
 * Local servers do not check signatures, so this checks what the wire carries: a recording relay in
 * front of the real server captures the reader's request, and the SDK's signer, given exactly the
 * captured headers and body, must produce the captured signature. A header that {@code
 * HttpURLConnection} dropped or rewrote after signing would fail it.
 */
class SignedGetItemIT {

  @RegisterExtension static final LocalDynamoDb SERVER = LocalDynamoDb.chosen();

  private static final AwsSessionCredentials KEYS =
      AwsSessionCredentials.create("AKIDPORTCULLIS", "portcullis-secret", "portcullis-token");

  private final AtomicReference<Headers> headers = new AtomicReference<>();
  private final AtomicReference<byte[]> body = new AtomicReference<>();
  private HttpServer relay;

  @BeforeEach
  void startRelay() throws IOException {
    relay = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    relay.createContext("/", this::recordAndForward);
    relay.start();
  }

  @AfterEach
  void stopRelay() {
    relay.stop(0);
  }

  @Test
  void the_request_on_the_wire_carries_a_signature_the_sdk_signer_reproduces() {
    // Arrange
    String table = SERVER.newTable();
    Session session = session();
    new DynamoDbSessionStore(SERVER.client(), SERVER.settings(table)).create(session);
    URI relayEndpoint = URI.create("http://127.0.0.1:" + relay.getAddress().getPort());
    DynamoDbSettings settings = SERVER.settings(table).withEndpointOverride(relayEndpoint);
    DynamoDbSessionStore store =
        DynamoDbSessionStore.create(settings, StaticCredentialsProvider.create(KEYS), Map.of());

    // Act
    Optional<Session> read = store.find(session.fingerprint());

    // Assert
    assertThat(read).contains(session);
    Headers sent = headers.get();
    String authorization = sent.getFirst("Authorization");
    assertThat(authorization)
        .startsWith("AWS4-HMAC-SHA256 Credential=AKIDPORTCULLIS/")
        .contains("/eu-west-1/dynamodb/aws4_request");
    List<String> signedHeaders = List.of(signedHeaders(authorization).split(";"));
    assertThat(signedHeaders)
        .contains("content-type", "host", "x-amz-date", "x-amz-security-token", "x-amz-target");
    assertThat(sent.getFirst("X-Amz-Security-Token")).isEqualTo("portcullis-token");
    assertThat(sent.getFirst("X-Amz-Target")).isEqualTo("DynamoDB_20120810.GetItem");
    assertThat(resign(relayEndpoint, sent, signedHeaders, body.get())).isEqualTo(authorization);
  }

  /** The SDK signer over the captured request, at the captured instant. */
  private static String resign(
      URI endpoint, Headers sent, List<String> signedHeaders, byte[] payload) {
    SdkHttpRequest.Builder request =
        SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(endpoint);
    for (String name : signedHeaders) {
      if (!name.equals("host")) {
        request.putHeader(name, sent.getFirst(name));
      }
    }
    Instant at =
        LocalDateTime.parse(
                sent.getFirst("X-Amz-Date"), DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'"))
            .toInstant(ZoneOffset.UTC);
    return AwsV4HttpSigner.create()
        .sign(
            SignRequest.builder(KEYS)
                .request(request.build())
                .payload(ContentStreamProvider.fromByteArray(payload))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "dynamodb")
                .putProperty(AwsV4HttpSigner.REGION_NAME, LocalDynamoDb.REGION)
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(at, ZoneOffset.UTC))
                .build())
        .request()
        .firstMatchingHeader("Authorization")
        .orElseThrow();
  }

  private static String signedHeaders(String authorization) {
    int start = authorization.indexOf("SignedHeaders=") + "SignedHeaders=".length();
    return authorization.substring(start, authorization.indexOf(',', start));
  }

  /** Keeps the request, relays it to the real server unchanged, and relays the answer back. */
  private void recordAndForward(HttpExchange exchange) throws IOException {
    byte[] request;
    try (InputStream in = exchange.getRequestBody()) {
      request = in.readAllBytes();
    }
    headers.set(exchange.getRequestHeaders());
    body.set(request);
    HttpURLConnection upstream = (HttpURLConnection) SERVER.endpoint().toURL().openConnection();
    upstream.setRequestMethod("POST");
    upstream.setDoOutput(true);
    for (String name : List.of("Content-Type", "X-Amz-Target", "X-Amz-Date", "Authorization")) {
      upstream.setRequestProperty(name, exchange.getRequestHeaders().getFirst(name));
    }
    try (OutputStream out = upstream.getOutputStream()) {
      out.write(request);
    }
    int status = upstream.getResponseCode();
    byte[] answer;
    try (InputStream in = status < 400 ? upstream.getInputStream() : upstream.getErrorStream()) {
      answer = in.readAllBytes();
    }
    exchange.getResponseHeaders().set("Content-Type", upstream.getContentType());
    exchange.sendResponseHeaders(status, answer.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(answer);
    }
  }

  private static Session session() {
    Instant issued = Instant.parse("2040-06-01T12:00:00Z");
    return new Session(
        Credential.parse("pcs_" + UUID.randomUUID()).orElseThrow().fingerprint(),
        new Identity(
            "signed-" + UUID.randomUUID(),
            Set.of("reader"),
            Map.of("tenant", "acme"),
            issued.plusSeconds(3600),
            "dynamodb"),
        issued,
        Optional.empty());
  }
}
