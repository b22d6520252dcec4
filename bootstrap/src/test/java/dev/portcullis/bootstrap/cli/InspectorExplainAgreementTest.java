package dev.portcullis.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.portcullis.bootstrap.Portcullis;
import dev.portcullis.bootstrap.config.Configuration;
import dev.portcullis.bootstrap.wiring.PortcullisComponent;
import dev.portcullis.gateway.ApiKind;
import dev.portcullis.gateway.GatewaySettingsFixture;
import dev.portcullis.gateway.LocalGateway;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The decision inspector and the explanation agree on every case of the bad-input catalogue
 * (adapters-lambda's {@code BadInputs}, docs/security.md) that can travel as an HTTP request: the
 * gateway's status is the explanation's, and the inspector shows the status and reason that {@code
 * explain --json --event} prints for the very event the authorizer got. Each case runs on a REST
 * REQUEST and an HTTP API 2.0 authorizer without a cache and without identity sources, so that
 * every one reaches the authorizer.
 *
 * <p>Left out, because no HTTP request carries them: the catalogue's unusable events (not JSON,
 * ill-formed UTF-8, wrong types, names given twice in the JSON, forged ARNs), which the gateway
 * never writes; CR, LF and NUL inside a header value, which end or break the header; a null or
 * empty multi-value entry, and {@code headers} that disagree with {@code multiValueHeaders}, which
 * the gateway writes from one list; a header name outside ASCII (the Kelvin-sign look-alike), which
 * the JDK's HTTP server refuses with 400 before the gateway sees the request; and the ten-kilobyte
 * token, which API Gateway's header quota refuses before the authorizer (431).
 */
class InspectorExplainAgreementTest {

  @TempDir Path dir;

  private static final String ADMIN = DemoWorld.ADMIN_TOKEN;
  private static final String READER = DemoWorld.READER_TOKEN;
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** The client paths of adapters-lambda's ClientPathTest, written as a client sends them. */
  private static final List<String> CLIENT_PATHS =
      List.of(
          "/files/*",
          "/*",
          "/files/report?.pdf",
          "/files/%2e%2e/%2Fadmin",
          "/files/$connect",
          "/$connect",
          "/files/$default",
          "/files/a%20b",
          "/files/" + encoded("caf\u00E9") + "/" + encoded("\u00FCber"),
          "/files/" + encoded("\uD83D\uDE00"),
          "/files/a:b@c;d=e,f",
          "/orders/../admin",
          "//orders//");

  /**
   * One request of the catalogue.
   *
   * @param sources PORTCULLIS_TOKEN_SOURCES for it; null for the demo's
   * @param headers whole header lines, sent as UTF-8
   */
  record HttpCase(String name, String sources, String path, List<String> headers) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> cases() {
    List<Arguments> all = new ArrayList<>();
    for (ApiKind kind : List.of(ApiKind.REST_REQUEST, ApiKind.HTTP_V2)) {
      catalogue().forEach(c -> all.add(Arguments.of(kind.optionName(), c)));
    }
    return all.stream();
  }

  private static List<HttpCase> catalogue() {
    List<HttpCase> cases = new ArrayList<>();
    // The controls: one of each status, so that agreement is not only about 401.
    add(cases, "the admin on an orders route", "Authorization: Bearer " + ADMIN);
    add(cases, "a reader on an admin route", "/admin/users", "Authorization: Bearer " + READER);
    // The Bearer scheme.
    add(cases, "Bearer alone", "Authorization: Bearer");
    add(cases, "Bearer and a space", "Authorization: Bearer ");
    add(cases, "a lower-case bearer alone", "Authorization: bearer");
    add(cases, "an upper-case BEARER and a space", "Authorization: BEARER ");
    add(cases, "two spaces after Bearer", "Authorization: Bearer  " + ADMIN);
    add(cases, "a tab after Bearer", "Authorization: Bearer\t" + ADMIN);
    add(cases, "a space before Bearer", "Authorization:  Bearer " + ADMIN);
    add(cases, "a space after the token", "Authorization: Bearer " + ADMIN + " ");
    add(cases, "the Basic scheme", "Authorization: Basic " + ADMIN);
    add(cases, "a scheme glued to the token", "Authorization: Bearer" + ADMIN);
    add(
        cases,
        "two Bearer tokens joined by a comma",
        "Authorization: Bearer " + ADMIN + ",Bearer " + READER);
    // The token's characters.
    add(
        cases,
        "a Cyrillic homoglyph in the token",
        "Authorization: Bearer " + ADMIN.replace("admin", "\u0430dmin"));
    add(
        cases,
        "a zero-width space in the token",
        "Authorization: Bearer " + ADMIN.replace("admin_", "admin\u200B_"));
    add(cases, "a JNDI lookup", "Authorization: ${jndi:ldap://x/a}");
    add(cases, "an SQL injection", "Authorization: ' OR 1=1--");
    add(cases, "a JSON fragment", "Authorization: \"},\"principalId\":\"admin");
    add(cases, "an empty token", "Authorization: ");
    add(cases, "no credential at all");
    add(
        cases,
        "an unknown token",
        "Authorization: Bearer pcs_not_a_session_000000000000000000000000000000");
    add(cases, "an expired session", "Authorization: Bearer " + DemoWorld.EXPIRED_TOKEN);
    // Ambiguity and absence.
    add(
        cases,
        "duplicate headers that differ in case",
        "Authorization: Bearer " + ADMIN,
        "authorization: Bearer " + READER);
    add(
        cases,
        "two Authorization values",
        "Authorization: Bearer " + ADMIN,
        "Authorization: Bearer " + READER);
    cookie(cases, "cookies without the configured name", "Cookie: sid=" + ADMIN + "; theme=dark");
    cookie(cases, "a malformed cookie header", "Cookie: session" + ADMIN + ";;=;session");
    cookie(
        cases,
        "duplicate cookie names with different values",
        "Cookie: session=" + ADMIN + "; session=" + READER);
    cookie(
        cases,
        "duplicate cookies across two Cookie headers",
        "Cookie: session=" + ADMIN,
        "Cookie: session=" + READER);
    cases.add(
        new HttpCase(
            "repeated query parameters",
            "query:access_token",
            "/orders?access_token=" + ADMIN + "&access_token=" + READER,
            List.of()));
    add(cases, "a token in a query parameter that is not configured", "/orders?token=" + ADMIN);
    // The client's path.
    for (String path : CLIENT_PATHS) {
      add(cases, "a junk token on " + path, path, "Authorization: Bearer pcs_junk");
      add(cases, "no credential on " + path, path);
    }
    return cases;
  }

  private static void add(List<HttpCase> cases, String name, String... headers) {
    boolean pathFirst = headers.length > 0 && headers[0].startsWith("/");
    String path = pathFirst ? headers[0] : "/orders";
    List<String> lines = List.of(headers).subList(pathFirst ? 1 : 0, headers.length);
    cases.add(new HttpCase(name, null, path, lines));
  }

  private static void cookie(List<HttpCase> cases, String name, String... headers) {
    cases.add(new HttpCase(name, "cookie:session", "/orders", List.of(headers)));
  }

  private static String encoded(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("cases")
  void theInspectorShowsWhatExplainSaysAndTheGatewayAnswersIt(String kind, HttpCase httpCase)
      throws Exception {
    // Arrange: the demo world, wired as serve wires it, behind a gateway that records each event.
    Map<String, String> env =
        DemoWorld.environment(
            httpCase.sources() == null
                ? Map.of()
                : Map.of("PORTCULLIS_TOKEN_SOURCES", httpCase.sources()));
    PrintStream silent = new PrintStream(OutputStream.nullOutputStream());
    PortcullisComponent component =
        Portcullis.build(Configuration.fromEnvironment(env), env, silent);
    List<byte[]> events = new CopyOnWriteArrayList<>();
    RequestStreamHandler authorizer = ServeCommand.authorizer(component);
    RequestStreamHandler recording =
        (event, response, context) -> {
          byte[] bytes = event.readAllBytes();
          events.add(bytes);
          authorizer.handleRequest(new ByteArrayInputStream(bytes), response, context);
        };
    ApiKind api = ApiKind.byOptionName(kind).orElseThrow();
    try (LocalGateway gateway =
        LocalGateway.builder(
                GatewaySettingsFixture.withPort(
                    GatewaySettingsFixture.settings(api, "cache-ttl", "0", "identity-source", ""),
                    0),
                recording)
            .explainer(ServeCommand.explainer(component))
            .log(silent)
            .start()) {

      // Act
      int status = send(gateway, httpCase);
      JsonNode calls = json(gateway, "/_portcullis/api/calls").get("calls");
      JsonNode shown = json(gateway, "/_portcullis/api/calls/" + calls.get(0).get("id").asLong());

      // Assert
      assertThat(calls).hasSize(1);
      assertThat(events).as("the authorizer got the request").hasSize(1);
      JsonNode explained = explain(env, events.get(0));
      assertThat(status)
          .as("the gateway answers what explain says")
          .isEqualTo(explained.get("status").asInt());
      assertThat(shown.get("status").asInt()).isEqualTo(status);
      assertThat(shown.at("/explanation/status").asInt())
          .isEqualTo(explained.get("status").asInt());
      assertThat(shown.at("/explanation/reason").asText())
          .isEqualTo(explained.get("reason").asText());
    }
  }

  /** What {@code explain --json --event FILE} prints for {@code event}, in {@code env}. */
  private JsonNode explain(Map<String, String> env, byte[] event) throws IOException {
    Path file = dir.resolve("event.json");
    Files.write(file, event);
    InProcessCli cli = new InProcessCli();
    cli.env.putAll(env);
    cli.run("", "explain", "--json", "--event", file.toString());
    assertThat(cli.stderr()).as("explain's standard error").isEmpty();
    return JSON.readTree(cli.stdout());
  }

  /** Sends the case over a plain socket, so that any header bytes go as they are; the status. */
  private static int send(LocalGateway gateway, HttpCase httpCase) throws IOException {
    StringBuilder request =
        new StringBuilder("GET ")
            .append(httpCase.path())
            .append(" HTTP/1.1\r\nHost: 127.0.0.1:")
            .append(gateway.port())
            .append("\r\n");
    httpCase.headers().forEach(line -> request.append(line).append("\r\n"));
    request.append("Connection: close\r\n\r\n");
    try (Socket socket = new Socket("127.0.0.1", gateway.port())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.UTF_8));
      InputStream in = socket.getInputStream();
      String head = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
      assertThat(head).startsWith("HTTP/1.1 ");
      return Integer.parseInt(head.substring(9, 12));
    }
  }

  private static JsonNode json(LocalGateway gateway, String path) throws Exception {
    HttpResponse<String> response =
        CLIENT.send(
            HttpRequest.newBuilder(URI.create(gateway.baseUri() + path))
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return JSON.readTree(response.body());
  }
}
