package dev.portcullis.gateway;

import static dev.portcullis.gateway.TestGateway.ALICE;
import static dev.portcullis.gateway.TestGateway.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.domain.model.Identity;
import dev.portcullis.domain.port.in.Explanation;
import dev.portcullis.domain.port.in.Explanation.BackendStep;
import dev.portcullis.domain.port.in.Explanation.GrantCheck;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The decision inspector under {@code /_portcullis/}: the requests it lists, what opening one
 * shows, what it never shows (a credential), and what never reaches the authorizer (itself). The
 * explanations here are built by hand; the serve command's tests use the domain's own.
 */
class DecisionInspectorTest {

  /** A key that the hand-built explanation gives bob, as a seed's apiKey would. */
  private static final String API_KEY = "apikey_bob_5f3c9a7e1d2b4c6a8e0f";

  @TempDir Path dir;

  private final List<String> explained = new CopyOnWriteArrayList<>();

  /** Says what the rules say of bob on GET /admin: no grant covers it. */
  private Explanation explain(byte[] event) {
    String text = new String(event, StandardCharsets.UTF_8);
    explained.add(text);
    Identity bob =
        new Identity(
            "bob",
            Set.of("reader"),
            Map.of("tenant", "acme"),
            Instant.parse("2099-01-01T00:00:00Z"),
            "memory",
            Optional.of(API_KEY));
    boolean orders = text.contains("/GET/orders");
    return new Explanation(
        orders ? Explanation.Status.ALLOWED : Explanation.Status.FORBIDDEN,
        orders ? "allowed" : "no_grant_covers_route",
        List.of(new BackendStep("memory", BackendStep.Outcome.RESOLVED, "a live session")),
        Optional.of(bob),
        List.of(
            new GrantCheck("reader", "GET /orders", Optional.empty(), orders, Optional.empty())),
        Optional.empty(),
        orders
            ? Optional.of("arn:aws:execute-api:us-east-1:123456789012:abcdef1234/prod/GET/orders")
            : Optional.empty());
  }

  private TestGateway start(ApiKind kind, String... options) {
    TestAuthorizer world = TestAuthorizer.in(dir);
    return TestGateway.start(
        TestGateway.settings(kind, options), world.handler(), false, world, this::explain);
  }

  private static JsonNode json(HttpResponse<String> response) {
    assertThat(response.statusCode()).isEqualTo(200);
    try {
      return Json.MAPPER.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<JsonNode> rows(TestGateway gateway) {
    List<JsonNode> rows = new ArrayList<>();
    json(gateway.send("GET", "/_portcullis/api/calls")).get("calls").forEach(rows::add);
    return rows;
  }

  private static JsonNode detail(TestGateway gateway, JsonNode row) {
    return json(gateway.send("GET", "/_portcullis/api/calls/" + row.get("id").asLong()));
  }

  @Test
  void eachRequestIsListedWithItsStatusPrincipalAndCacheUse() {
    try (TestGateway gateway = start(ApiKind.REST_TOKEN)) {
      gateway.get("/orders", BOB);
      gateway.get("/admin", BOB);
      gateway.send("GET", "/orders");

      List<JsonNode> rows = rows(gateway);

      assertThat(rows).extracting(r -> r.get("status").asInt()).containsExactly(200, 403, 401);
      assertThat(rows)
          .extracting(r -> r.get("path").asText())
          .containsExactly("/orders", "/admin", "/orders");
      assertThat(rows)
          .extracting(r -> r.get("principal").asText(null))
          .containsExactly("bob", "bob", null);
      assertThat(rows).extracting(r -> r.get("cache").asText()).containsExactly("miss", "hit", "-");
      assertThat(rows).allSatisfy(r -> assertThat(r.get("latency").asText()).endsWith("ms"));
    }
  }

  @Test
  void aDenialShowsThePolicyWithNoResourceMatchingTheRouteAndTheExplanation() {
    try (TestGateway gateway = start(ApiKind.REST_TOKEN)) {
      gateway.get("/admin", BOB);

      JsonNode detail = detail(gateway, rows(gateway).get(0));

      assertThat(detail.get("outcome").asText()).isEqualTo("IMPLICIT_DENY");
      assertThat(detail.get("routeKey").asText()).isEqualTo("GET /admin");
      assertThat(detail.at("/policy/statements/0/resources").findValuesAsText("matchesRoute"))
          .isNotEmpty()
          .containsOnly("false");
      assertThat(detail.at("/explanation/status").asInt()).isEqualTo(403);
      assertThat(detail.at("/explanation/reason").asText()).isEqualTo("no_grant_covers_route");
      assertThat(detail.at("/explanation/grants/0/grant").asText()).isEqualTo("GET /orders");
      assertThat(detail.at("/explanation/identity/principalId").asText()).isEqualTo("bob");
      assertThat(detail.at("/answer/principalId").asText()).isEqualTo("bob");
      assertThat(detail.get("eventSent").asBoolean()).isTrue();
    }
  }

  @Test
  void anAllowHighlightsTheResourceThatMatchedAndMarksTheDecisiveOne() {
    try (TestGateway gateway = start(ApiKind.REST_TOKEN)) {
      gateway.get("/orders", BOB);

      JsonNode resources =
          detail(gateway, rows(gateway).get(0)).at("/policy/statements/0/resources");

      List<String> matching = new ArrayList<>();
      resources.forEach(
          r -> {
            if (r.get("matchesRoute").asBoolean()) {
              matching.add(r.get("resource").asText());
              assertThat(r.get("decisive").asBoolean()).isTrue();
            }
          });
      assertThat(matching)
          .containsExactly("arn:aws:execute-api:us-east-1:123456789012:abcdef1234/prod/GET/orders");
    }
  }

  @Test
  void theExplainerGetsTheEventTheAuthorizerGotWithItsCredential() {
    try (TestGateway gateway = start(ApiKind.REST_TOKEN)) {
      gateway.get("/admin", BOB);

      assertThat(explained).hasSize(1);
      assertThat(explained.get(0)).contains("\"authorizationToken\":\"Bearer " + BOB + "\"");
    }
  }

  @Test
  void aCacheHitShowsTheEventItSparedTheAuthorizerAndSaysItWasNotSent() {
    try (TestGateway gateway = start(ApiKind.REST_TOKEN)) {
      gateway.get("/orders", BOB);
      gateway.get("/orders/7", BOB);

      JsonNode hit = detail(gateway, rows(gateway).get(1));

      assertThat(hit.get("cache").asText()).isEqualTo("hit");
      assertThat(hit.get("eventSent").asBoolean()).isFalse();
      assertThat(hit.at("/event/methodArn").asText()).endsWith("/prod/GET/orders/7");
      assertThat(gateway.invocations()).isEqualTo(1);
    }
  }

  @Test
  void aRequestApiGatewayRefusesByItselfHasNoEventAndSaysWhy() {
    try (TestGateway gateway = start(ApiKind.REST_TOKEN)) {
      gateway.send("GET", "/orders");

      JsonNode detail = detail(gateway, rows(gateway).get(0));

      assertThat(detail.get("event").isNull()).isTrue();
      assertThat(detail.get("explanation").isNull()).isTrue();
      assertThat(detail.get("summary").asText()).contains("without calling the authorizer");
      assertThat(explained).isEmpty();
    }
  }

  @Test
  void noCredentialNorAnyTwelveCharacterSliceOfOneAppearsInThePageOrItsJson() {
    String cookieToken = "pcs_cookie_9f8e7d6c5b4a39281706f5e4d3c2b1a0";
    String queryToken = "pcs_query_0a1b2c3d4e5f60718293a4b5c6d7e8f9";
    String keyToken = "pcs_key_77aa66bb55cc44dd33ee22ff1100998877";
    List<String> secrets = List.of(BOB, ALICE, cookieToken, queryToken, keyToken, API_KEY);
    try (TestGateway gateway =
        start(ApiKind.REST_REQUEST, "identity-source", "method.request.header.Authorization")) {
      gateway.send(
          "GET",
          "/admin?access_token=" + queryToken,
          "Authorization",
          "Bearer " + BOB,
          "Cookie",
          "session=" + cookieToken + "; theme=dark",
          "X-Api-Key",
          keyToken,
          "User-Agent",
          "probe " + BOB);
      gateway.send("GET", "/orders?access_token=" + queryToken, "Authorization", "Bearer " + ALICE);

      StringBuilder everything = new StringBuilder();
      for (String file : List.of("/", "/inspector.js", "/inspector.css", "/api/calls")) {
        everything.append(gateway.send("GET", "/_portcullis" + file).body());
      }
      rows(gateway).forEach(row -> everything.append(detail(gateway, row)));

      assertThat(rows(gateway)).hasSize(2);
      assertThat(everything).contains("[masked, ");
      for (String secret : secrets) {
        for (int i = 0; i + 12 <= secret.length(); i++) {
          assertThat(everything.toString()).doesNotContain(secret.substring(i, i + 12));
        }
      }
    }
  }

  @Test
  void requestsUnderTheInspectorNeverReachTheAuthorizerNorItsList() {
    try (TestGateway gateway = start(ApiKind.REST_TOKEN)) {
      for (String path :
          List.of(
              "/_portcullis",
              "/_portcullis/",
              "/_portcullis/api/calls",
              "/_portcullis/api/calls/1",
              "/_portcullis/no-such-thing",
              "/%5Fportcullis/api/calls")) {
        gateway.get(path, BOB);
        gateway.send("POST", path, "Authorization", "Bearer " + BOB);
      }

      assertThat(gateway.invocations()).isZero();
      assertThat(json(gateway.send("GET", "/_portcullis/api/calls")).get("lastId").asLong())
          .isZero();
      assertThat(gateway.log()).doesNotContain("_portcullis");
    }
  }

  @Test
  void aPathThatOnlyBeginsLikeTheInspectorGoesToTheAuthorizer() {
    try (TestGateway gateway = start(ApiKind.REST_TOKEN)) {
      assertThat(gateway.get("/_portcullisx", BOB).statusCode()).isEqualTo(403);

      assertThat(gateway.invocations()).isEqualTo(1);
    }
  }

  @Test
  void thePageItsScriptAndItsStyleAreServedFromTheModuleWithAStrictPolicy() {
    try (TestGateway gateway = start(ApiKind.REST_TOKEN)) {
      HttpResponse<String> page = gateway.send("GET", "/_portcullis/");
      HttpResponse<String> script = gateway.send("GET", "/_portcullis/inspector.js");
      HttpResponse<String> style = gateway.send("GET", "/_portcullis/inspector.css");
      HttpResponse<String> bare = gateway.send("GET", "/_portcullis");

      assertThat(page.body()).contains("<script src=\"inspector.js\"").doesNotContain("http");
      assertThat(page.headers().firstValue("Content-Security-Policy"))
          .contains(InspectorHandler.CONTENT_SECURITY_POLICY);
      assertThat(script.headers().firstValue("Content-Type"))
          .contains("text/javascript; charset=utf-8");
      assertThat(script.body()).contains("textContent").doesNotContain("innerHTML =");
      assertThat(style.statusCode()).isEqualTo(200);
      assertThat(bare.statusCode()).isEqualTo(308);
      assertThat(bare.headers().firstValue("Location")).contains("/_portcullis/");
    }
  }

  @Test
  void onlyGetAndHeadAreServed() {
    try (TestGateway gateway = start(ApiKind.REST_TOKEN)) {
      HttpResponse<String> post = gateway.send("POST", "/_portcullis/api/calls");

      assertThat(post.statusCode()).isEqualTo(405);
      assertThat(post.headers().firstValue("Allow")).contains("GET, HEAD");
    }
  }

  @Test
  void onlyTheLastTwoHundredRequestsAreKept() {
    try (TestGateway gateway = start(ApiKind.REST_TOKEN)) {
      for (int i = 0; i < InspectorLog.CAPACITY + 5; i++) {
        gateway.send("GET", "/orders/" + i);
      }

      JsonNode page = json(gateway.send("GET", "/_portcullis/api/calls"));

      assertThat(page.get("lastId").asLong()).isEqualTo(205);
      assertThat(page.get("calls")).hasSize(InspectorLog.CAPACITY);
      assertThat(page.at("/calls/0/path").asText()).isEqualTo("/orders/5");
      assertThat(gateway.send("GET", "/_portcullis/api/calls/5").statusCode()).isEqualTo(404);
      assertThat(gateway.send("GET", "/_portcullis/api/calls/6").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void thePageAsksOnlyForRequestsNewerThanTheLastItHas() {
    try (TestGateway gateway = start(ApiKind.REST_TOKEN)) {
      gateway.send("GET", "/a");
      gateway.send("GET", "/b");
      gateway.send("GET", "/c");

      JsonNode page = json(gateway.send("GET", "/_portcullis/api/calls?after=2"));

      assertThat(page.get("calls")).hasSize(1);
      assertThat(page.at("/calls/0/path").asText()).isEqualTo("/c");
    }
  }

  @Test
  void aHostNameThatIsNotLoopbackIsRefusedAgainstRebindingAttacks() throws IOException {
    try (TestGateway gateway = start(ApiKind.REST_TOKEN);
        Socket socket = new Socket("127.0.0.1", gateway.gateway.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET /_portcullis/api/calls HTTP/1.1\r\nHost: attacker.example:"
                  + gateway.gateway.port()
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();

      assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII))
          .startsWith("HTTP/1.1 403");
    }
  }

  @Test
  void loopbackNamesWithOrWithoutAPortAreTheHostsAccepted() {
    assertThat(InspectorHandler.loopbackHost("127.0.0.1:8080")).isTrue();
    assertThat(InspectorHandler.loopbackHost("LOCALHOST")).isTrue();
    assertThat(InspectorHandler.loopbackHost("[::1]:8080")).isTrue();
    assertThat(InspectorHandler.loopbackHost("localhost.attacker.example")).isFalse();
    assertThat(InspectorHandler.loopbackHost("192.168.1.5:8080")).isFalse();
    assertThat(InspectorHandler.loopbackHost(null)).isFalse();
  }

  @Test
  void anExplainerThatFailsLeavesTheAnswerAloneAndIsShownAsAProblem() {
    TestAuthorizer world = TestAuthorizer.in(dir);
    try (TestGateway gateway =
        TestGateway.start(
            TestGateway.settings(ApiKind.REST_TOKEN),
            world.handler(),
            false,
            world,
            event -> {
              throw new IllegalStateException("broken");
            })) {
      assertThat(gateway.get("/orders", BOB).statusCode()).isEqualTo(200);

      JsonNode detail = detail(gateway, rows(gateway).get(0));

      assertThat(detail.get("explanation").isNull()).isTrue();
      assertThat(detail.get("explanationProblem").asText())
          .isEqualTo("The explanation failed: IllegalStateException");
    }
  }

  @Test
  void withoutAnExplainerTheDetailSaysNoneIsWired() {
    TestAuthorizer world = TestAuthorizer.in(dir);
    try (TestGateway gateway = TestGateway.start(TestGateway.settings(ApiKind.HTTP_V2), world)) {
      gateway.get("/orders", BOB);

      JsonNode detail = detail(gateway, rows(gateway).get(0));

      assertThat(detail.get("explanationProblem").asText()).contains("No explanation is wired");
      assertThat(detail.at("/event/routeArn").asText()).endsWith("/prod/GET/orders");
    }
  }
}
