package dev.portcullis.adapters.lambda;

import static dev.portcullis.adapters.lambda.Demo.ADMIN_TOKEN;
import static dev.portcullis.adapters.lambda.Demo.GET_ORDERS;
import static dev.portcullis.adapters.lambda.Demo.READER_TOKEN;
import static dev.portcullis.adapters.lambda.Demo.multi;
import static dev.portcullis.adapters.lambda.Demo.object;
import static dev.portcullis.adapters.lambda.Demo.q;
import static dev.portcullis.adapters.lambda.Demo.requestEvent;
import static dev.portcullis.adapters.lambda.Demo.tokenEvent;
import static dev.portcullis.adapters.lambda.Demo.v2Event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.domain.model.Credential;
import dev.portcullis.domain.port.in.AuthorizeUseCase;
import dev.portcullis.domain.port.out.BackendUnavailableException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The adapter's behaviour beyond the example events: modes, sources, outcomes and failures. */
class AuthorizerAdapterTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String DELETE_ORDER = Demo.STAGE_PREFIX + "DELETE/orders/42";

  private static JsonNode json(Harness.Run run) throws IOException {
    assertThat(run.thrown()).as("thrown").isNull();
    return MAPPER.readTree(run.output());
  }

  private static String principal(Harness.Run run) throws IOException {
    return json(run).get("principalId").asText();
  }

  /** HTTP API payload 2.0 with PORTCULLIS_HTTP_RESPONSE=simple. */
  @Nested
  class HttpApiSimpleResponses {

    @Test
    void anAllowedRouteAnswersIsAuthorizedTrueWithTheContext() throws IOException {
      Harness.Run run =
          Harness.demo(HttpResponseMode.SIMPLE)
              .run(v2Event(object("headers", "authorization", "Bearer " + READER_TOKEN)));

      JsonNode body = json(run);
      assertThat(body.get("isAuthorized").asBoolean()).isTrue();
      assertThat(body.get("context").get("principalId").asText()).isEqualTo("bob");
      assertThat(body.has("policyDocument")).isFalse();
      assertThat(run.record().outcome().logName()).isEqualTo("allow");
    }

    @Test
    void aRouteNotGrantedAnswersIsAuthorizedFalseAndIsRecordedAsDeny() throws IOException {
      String event =
          "{\"version\":\"2.0\",\"type\":\"REQUEST\",\"routeArn\":"
              + q(DELETE_ORDER)
              + ","
              + object("headers", "authorization", "Bearer " + READER_TOKEN)
              + "}";

      Harness.Run run = Harness.demo(HttpResponseMode.SIMPLE).run(event);

      assertThat(json(run).get("isAuthorized").asBoolean()).isFalse();
      assertThat(run.record().outcome().logName()).isEqualTo("deny");
      assertThat(run.record().reason()).isEqualTo("not_granted");
    }

    @Test
    void anUnknownCallerIsUnauthorizedRatherThanIsAuthorizedFalse() {
      Harness.Run run =
          Harness.demo(HttpResponseMode.SIMPLE)
              .run(v2Event(object("headers", "authorization", "Bearer pcs_unknown")));

      assertThat(run.thrown()).isInstanceOf(UnauthorizedException.class);
      assertThat(run.output()).isEmpty();
    }

    @Test
    void simpleModeLeavesOtherEventKindsWithAnIamPolicy() throws IOException {
      Harness.Run run =
          Harness.demo(HttpResponseMode.SIMPLE).run(tokenEvent("Bearer " + READER_TOKEN));

      assertThat(json(run).has("policyDocument")).isTrue();
      assertThat(json(run).has("isAuthorized")).isFalse();
    }
  }

  /** Which responses carry the identity's API key. */
  @Nested
  class UsageIdentifierKey {

    @Test
    void isWrittenForRestWhenTheIdentityHasAnApiKey() throws IOException {
      Harness.Run run = Harness.demo().run(tokenEvent(ADMIN_TOKEN));

      assertThat(json(run).get("usageIdentifierKey").asText()).isEqualTo("demo-api-key-alice");
    }

    @Test
    void isLeftOutWhenTheIdentityHasNoApiKey() throws IOException {
      Harness.Run run = Harness.demo().run(tokenEvent(READER_TOKEN));

      assertThat(json(run).has("usageIdentifierKey")).isFalse();
    }

    @Test
    void isLeftOutOfHttpApiPayload2Responses() throws IOException {
      Harness.Run run =
          Harness.demo().run(v2Event(object("headers", "authorization", "Bearer " + ADMIN_TOKEN)));

      assertThat(json(run).has("policyDocument")).isTrue();
      assertThat(json(run).has("usageIdentifierKey")).isFalse();
    }

    @Test
    void isWrittenForWebSocketConnects() throws IOException {
      Harness.Run run =
          Harness.demo()
              .run(
                  "{\"type\":\"REQUEST\",\"methodArn\":"
                      + q(Demo.CONNECT)
                      + ","
                      + object("queryStringParameters", "access_token", ADMIN_TOKEN)
                      + "}");

      assertThat(json(run).get("usageIdentifierKey").asText()).isEqualTo("demo-api-key-alice");
      assertThat(run.record().kind()).isEqualTo(EventKind.WEBSOCKET);
    }
  }

  /** A known caller on a route its roles do not grant. */
  @Nested
  class AuthenticatedButNotGranted {

    @Test
    void writesThePolicyOfTheGrantedRoutesAndRecordsDeny() throws IOException {
      Harness.Run run = Harness.demo().run(tokenEvent(READER_TOKEN, DELETE_ORDER));

      JsonNode statement = json(run).get("policyDocument").get("Statement").get(0);
      assertThat(statement.get("Effect").asText()).isEqualTo("Allow");
      List<String> resources = new ArrayList<>();
      statement.get("Resource").forEach(r -> resources.add(r.asText()));
      assertThat(resources)
          .containsExactly(
              Demo.STAGE_PREFIX + "$connect",
              Demo.STAGE_PREFIX + "GET/health",
              Demo.STAGE_PREFIX + "GET/orders",
              Demo.STAGE_PREFIX + "GET/orders/*");
      assertThat(run.record().outcome().logName()).isEqualTo("deny");
      assertThat(run.record().principalId()).contains("bob");
    }
  }

  /** Where REQUEST-type events carry the credential, and in which order. */
  @Nested
  class TokenSources {

    private Harness with(String spec) {
      return new Harness(new AdapterSettings(TokenSource.parseList(spec), HttpResponseMode.IAM));
    }

    @Test
    void headersMatchTheirNameIgnoringCase() throws IOException {
      Harness.Run run =
          with("header:Authorization")
              .run(requestEvent(object("headers", "AUTHORIZATION", "Bearer " + READER_TOKEN)));

      assertThat(principal(run)).isEqualTo("bob");
    }

    @Test
    void aHeaderFoundOnlyInMultiValueHeadersIsRead() throws IOException {
      Harness.Run run =
          with("header:Authorization")
              .run(
                  requestEvent(
                      multi("multiValueHeaders", "authorization", "Bearer " + ADMIN_TOKEN)));

      assertThat(principal(run)).isEqualTo("alice");
    }

    @Test
    void theSameValueInHeadersAndMultiValueHeadersIsNotAmbiguous() throws IOException {
      Harness.Run run =
          with("header:Authorization")
              .run(
                  requestEvent(
                      object("headers", "Authorization", "Bearer " + READER_TOKEN)
                          + ","
                          + multi(
                              "multiValueHeaders",
                              "Authorization",
                              "Bearer " + READER_TOKEN,
                              "Bearer " + READER_TOKEN)));

      assertThat(principal(run)).isEqualTo("bob");
    }

    @Test
    void aCustomHeaderCarriesARawToken() throws IOException {
      Harness.Run run =
          with("header:x-api-key").run(requestEvent(object("headers", "X-Api-Key", ADMIN_TOKEN)));

      assertThat(principal(run)).isEqualTo("alice");
    }

    @Test
    void theBearerSchemeIsMatchedIgnoringCase() throws IOException {
      Harness.Run run = Harness.demo().run(tokenEvent("bEARer " + READER_TOKEN));

      assertThat(principal(run)).isEqualTo("bob");
    }

    @Test
    void aCookieIsFoundAmongOthersInTheCookieHeader() throws IOException {
      Harness.Run run =
          with("cookie:session")
              .run(
                  requestEvent(
                      object(
                          "headers",
                          "Cookie",
                          "theme=dark; session=" + READER_TOKEN + ";lang=en ; broken; =x")));

      assertThat(principal(run)).isEqualTo("bob");
    }

    @Test
    void cookieNamesAreMatchedExactly() {
      Harness.Run run =
          with("cookie:session")
              .run(requestEvent(object("headers", "Cookie", "Session=" + READER_TOKEN)));

      assertThat(run.thrown()).isInstanceOf(UnauthorizedException.class);
      assertThat(((UnauthorizedException) run.thrown()).reason()).isEqualTo("missing_credential");
    }

    @Test
    void aCookieIsFoundInTheHttpApiCookiesList() throws IOException {
      Harness.Run run =
          with("cookie:session")
              .run(v2Event("\"cookies\":[\"a=b\"," + q("session=" + ADMIN_TOKEN) + "]"));

      assertThat(principal(run)).isEqualTo("alice");
    }

    @Test
    void aQueryParameterIsFoundInEitherQueryMap() throws IOException {
      Harness.Run single =
          with("query:access_token")
              .run(requestEvent(object("queryStringParameters", "access_token", READER_TOKEN)));
      Harness.Run multiValue =
          with("query:access_token")
              .run(
                  requestEvent(
                      multi("multiValueQueryStringParameters", "access_token", READER_TOKEN)));

      assertThat(principal(single)).isEqualTo("bob");
      assertThat(principal(multiValue)).isEqualTo("bob");
    }

    @Test
    void queryParameterNamesAreMatchedExactly() {
      Harness.Run run =
          with("query:access_token")
              .run(requestEvent(object("queryStringParameters", "ACCESS_TOKEN", READER_TOKEN)));

      assertThat(run.thrown()).isInstanceOf(UnauthorizedException.class);
    }

    @Test
    void theFirstSourceThatIsPresentDecides() throws IOException {
      String both =
          requestEvent(
              object(
                  "headers",
                  "Authorization",
                  "Bearer " + READER_TOKEN,
                  "Cookie",
                  "session=" + ADMIN_TOKEN));

      assertThat(principal(with("header:Authorization,cookie:session").run(both))).isEqualTo("bob");
      assertThat(principal(with("cookie:session,header:Authorization").run(both)))
          .isEqualTo("alice");
    }

    @Test
    void anAbsentSourceGivesWayToTheNext() throws IOException {
      Harness.Run run =
          with("header:Authorization,cookie:session,query:access_token")
              .run(requestEvent(object("queryStringParameters", "access_token", ADMIN_TOKEN)));

      assertThat(principal(run)).isEqualTo("alice");
    }

    @Test
    void aPresentButEmptySourceDecidesAndIsRefused() {
      Harness.Run run =
          with("header:Authorization,cookie:session")
              .run(
                  requestEvent(
                      object("headers", "Authorization", "", "Cookie", "session=" + ADMIN_TOKEN)));

      assertThat(run.thrown()).isInstanceOf(UnauthorizedException.class);
      assertThat(run.output()).isEmpty();
    }

    @Test
    void tokenEventsReadAuthorizationTokenWhateverTheSources() throws IOException {
      Harness.Run run = with("cookie:session").run(tokenEvent(READER_TOKEN));

      assertThat(principal(run)).isEqualTo("bob");
    }

    @Test
    void httpV1EventsIgnoreTheirJoinedAuthorizationTokenField() {
      String event =
          "{\"version\":\"1.0\",\"type\":\"REQUEST\",\"methodArn\":"
              + q(GET_ORDERS)
              + ",\"authorizationToken\":"
              + q(READER_TOKEN)
              + "}";

      Harness.Run run = with("header:Authorization").run(event);

      assertThat(run.thrown()).isInstanceOf(UnauthorizedException.class);
      assertThat(run.record().kind()).isEqualTo(EventKind.HTTP_V1);
    }
  }

  /** How the kind is recognised, and the route shapes each kind accepts. */
  @Nested
  class EventKinds {

    @Test
    void anHttpApiDefaultRouteArnWithoutMethodIsReadAsARouteKey() throws IOException {
      String event =
          "{\"version\":\"2.0\",\"type\":\"REQUEST\",\"routeArn\":"
              + q("arn:aws:execute-api:us-east-1:123456789012:abcdef1234/$default/$default")
              + ","
              + object("headers", "authorization", "Bearer " + ADMIN_TOKEN)
              + "}";

      Harness.Run run = Harness.demo().run(event);

      // No rule grants the route key $default, so the policy written does not allow it.
      assertThat(json(run).get("principalId").asText()).isEqualTo("alice");
      assertThat(run.record().kind()).isEqualTo(EventKind.HTTP_V2);
      assertThat(run.record().outcome().logName()).isEqualTo("deny");
    }

    @Test
    void aWebSocketEventIsRecognisedByItsEventTypeAlone() {
      String event =
          "{\"type\":\"REQUEST\",\"methodArn\":"
              + q(GET_ORDERS)
              + ",\"requestContext\":{\"eventType\":\"CONNECT\"}}";

      Harness.Run run = Harness.demo().run(event);

      assertThat(run.record().kind()).isEqualTo(EventKind.WEBSOCKET);
      assertThat(run.thrown())
          .hasMessage(
              "Invalid authorizer event: the methodArn of a WebSocket event names an HTTP route");
    }

    @Test
    void aWebSocketEventIsRecognisedByItsRouteKey() throws IOException {
      String event =
          "{\"type\":\"REQUEST\",\"methodArn\":"
              + q(Demo.CONNECT)
              + ",\"requestContext\":{\"routeKey\":\"$connect\"},"
              + object("headers", "Authorization", READER_TOKEN)
              + "}";

      Harness.Run run = Harness.demo().run(event);

      assertThat(principal(run)).isEqualTo("bob");
      assertThat(run.record().kind()).isEqualTo(EventKind.WEBSOCKET);
    }

    @Test
    void aRestPathEndingInConnectIsARestEventAndGetsItsPolicy() throws IOException {
      String event =
          "{\"type\":\"REQUEST\",\"methodArn\":"
              + q(Demo.STAGE_PREFIX + "GET/files/$connect")
              + ","
              + object("headers", "Authorization", "Bearer " + READER_TOKEN)
              + "}";

      Harness.Run run = Harness.demo().run(event);

      assertThat(principal(run)).isEqualTo("bob");
      assertThat(run.record().kind()).isEqualTo(EventKind.REST_REQUEST);
      // bob's policy lists the reader's routes, and GET /files/$connect is not one of them.
      assertThat(run.record().outcome().logName()).isEqualTo("deny");
    }

    @Test
    void aRestPathEndingInConnectWithAJunkTokenIsUnauthorized() {
      String event =
          "{\"type\":\"REQUEST\",\"methodArn\":"
              + q(Demo.STAGE_PREFIX + "GET/files/$connect")
              + ","
              + object("headers", "Authorization", "Bearer pcs_junk")
              + "}";

      Harness.Run run = Harness.demo().run(event);

      assertThat(run.thrown()).isInstanceOf(UnauthorizedException.class);
      assertThat(run.record().kind()).isEqualTo(EventKind.REST_REQUEST);
    }

    @Test
    void aRouteKeyDirectlyAfterTheStageMakesAWebSocketEventWithoutAnyOtherMarker()
        throws IOException {
      String event =
          "{\"type\":\"REQUEST\",\"methodArn\":"
              + q(Demo.CONNECT)
              + ","
              + object("queryStringParameters", "access_token", READER_TOKEN)
              + "}";

      Harness.Run run = Harness.demo().run(event);

      assertThat(principal(run)).isEqualTo("bob");
      assertThat(run.record().kind()).isEqualTo(EventKind.WEBSOCKET);
      assertThat(run.record().outcome().logName()).isEqualTo("allow");
    }

    @Test
    void everyKindHasAStableLowerCaseLogName() {
      assertThat(EventKind.values())
          .extracting(EventKind::logName)
          .containsExactly("rest-token", "rest-request", "http-v1", "http-v2", "websocket");
    }
  }

  /** The policy reaches no further than the API and stage called. */
  @Nested
  class PolicyScope {

    @Test
    void aPolicyNamesOnlyTheApiAndStageOfTheArnCalled() throws IOException {
      String otherApi = "arn:aws:execute-api:eu-west-1:210987654321:zz99zz99zz/beta/GET/orders";

      Harness.Run run = Harness.demo().run(tokenEvent(ADMIN_TOKEN, otherApi));

      JsonNode resources = json(run).get("policyDocument").get("Statement").get(0).get("Resource");
      assertThat(resources).isNotEmpty();
      resources.forEach(
          r -> {
            assertThat(r.asText())
                .startsWith("arn:aws:execute-api:eu-west-1:210987654321:zz99zz99zz/beta/");
            assertThat(r.asText()).doesNotContain("abcdef1234");
          });
    }

    @Test
    void aPolicyKeepsThePartitionOfTheArnCalled() throws IOException {
      String china = "arn:aws-cn:execute-api:cn-north-1:123456789012:abcdef1234/prod/GET/orders";

      Harness.Run run = Harness.demo().run(tokenEvent(READER_TOKEN, china));

      json(run)
          .get("policyDocument")
          .get("Statement")
          .get(0)
          .get("Resource")
          .forEach(r -> assertThat(r.asText()).startsWith("arn:aws-cn:execute-api:cn-north-1:"));
    }
  }

  /** Backend outages, bugs and broken streams. */
  @Nested
  class Failures {

    @Test
    void aBackendThatCannotAnswerFailsWithoutAnsweringAndNamesTheBackendAndItsCause() {
      AuthorizeUseCase down =
          request -> {
            throw new BackendUnavailableException(
                "dynamodb",
                "ResourceNotFound: table portcullis-sessions in eu-west-1",
                "table 'portcullis-sessions' does not exist in region 'eu-west-1'",
                new IllegalStateException("Requested resource not found"));
          };
      Harness harness = new Harness(down, AdapterSettings.defaults());

      Harness.Run run = harness.run(tokenEvent(ADMIN_TOKEN));

      assertThat(run.thrown())
          .isInstanceOf(AuthorizerFailureException.class)
          .hasMessage(
              "Authorizer failure: backend 'dynamodb' cannot answer"
                  + " (ResourceNotFound: table portcullis-sessions in eu-west-1)"
                  + " (request id req-1)")
          .hasCauseInstanceOf(BackendUnavailableException.class);
      assertThat(((AuthorizerFailureException) run.thrown()).invalidEvent()).isFalse();
      assertThat(run.output()).isEmpty();
      assertThat(run.record().outcome().logName()).isEqualTo("error");
      assertThat(run.record().reason()).isEqualTo("backend_unavailable");
      assertThat(run.record().backend()).contains("dynamodb");
      assertThat(run.record().cause())
          .contains("ResourceNotFound: table portcullis-sessions in eu-west-1");
    }

    @Test
    void onlyAFailureCarriesACause() {
      assertThat(Harness.demo().run(tokenEvent(ADMIN_TOKEN)).record().cause()).isEmpty();
      assertThat(Harness.demo().run(tokenEvent("pcs_unknown")).record().cause()).isEmpty();
      assertThat(Harness.demo().run("[]").record().cause()).isEmpty();
    }

    @Test
    void anUnexpectedExceptionIsAFailureWhoseCauseKeepsNoMessage() {
      AuthorizeUseCase broken =
          request -> {
            throw new IllegalStateException("cannot parse " + request.presentedCredential().get());
          };
      Harness harness = new Harness(broken, AdapterSettings.defaults());

      Harness.Run run = harness.run(tokenEvent(ADMIN_TOKEN));

      assertThat(run.thrown())
          .isInstanceOf(AuthorizerFailureException.class)
          .hasMessage("Authorizer failure: unexpected IllegalStateException (request id req-1)");
      assertThat(run.thrown().getCause().getMessage())
          .contains("IllegalStateException")
          .doesNotContain(ADMIN_TOKEN);
      assertThat(run.thrown().getCause().getStackTrace()).isNotEmpty();
      assertThat(run.thrown().getCause().getCause()).isNull();
      assertThat(run.record().outcome().logName()).isEqualTo("error");
    }

    @Test
    void unauthorizedCarriesNoStackTraceNoCauseAndTheExactMessage() {
      Harness.Run run = Harness.demo().run(tokenEvent("pcs_unknown_token"));

      assertThat(run.thrown())
          .isInstanceOf(UnauthorizedException.class)
          .hasMessage("Unauthorized")
          .hasNoCause();
      assertThat(run.thrown().getStackTrace()).isEmpty();
      assertThat(run.record().reason()).isEqualTo("not_found");
    }

    @Test
    void anExpiredSessionIsUnauthorizedAndRecordedWithItsBackend() {
      Harness.Run run = Harness.demo().run(tokenEvent(Demo.EXPIRED_TOKEN));

      assertThat(run.thrown()).isInstanceOf(UnauthorizedException.class);
      assertThat(run.record().outcome().logName()).isEqualTo("unauthenticated");
      assertThat(run.record().reason()).isEqualTo("expired");
      assertThat(run.record().backend()).contains("memory");
      assertThat(run.record().fingerprintPrefix()).isPresent();
    }

    @Test
    void aStreamThatFailsIsAnIoFailureNotAnInvalidEvent() {
      InputStream failing =
          new InputStream() {
            @Override
            public int read() throws IOException {
              throw new IOException("connection reset");
            }
          };
      AuthorizerAdapter adapter =
          new AuthorizerAdapter(Demo.useCase(), AdapterSettings.defaults(), r -> {}, () -> 0L);

      assertThatThrownBy(() -> adapter.handle(failing, new ByteArrayOutputStream(), "req-1"))
          .isInstanceOf(IOException.class)
          .hasMessage("connection reset");
    }
  }

  /** What the observer hears, once per call. */
  @Nested
  class DecisionRecords {

    @Test
    void theObserverHearsOfEveryOutcomeExactlyOnce() {
      Harness harness = Harness.demo();
      List<String> events =
          List.of(
              tokenEvent(ADMIN_TOKEN),
              tokenEvent(READER_TOKEN, DELETE_ORDER),
              tokenEvent("pcs_unknown"),
              tokenEvent("Bearer"),
              "[]",
              "{\"type\":\"TOKEN\"}");
      List<String> outcomes = new ArrayList<>();

      for (String event : events) {
        Harness.Run run = harness.run(event);
        assertThat(run.records()).hasSize(1);
        outcomes.add(run.record().outcome().logName());
      }

      assertThat(outcomes)
          .containsExactly(
              "allow",
              "deny",
              "unauthenticated",
              "unauthenticated",
              "invalid_event",
              "invalid_event");
    }

    @Test
    void anAllowRecordHoldsThePrincipalTheBackendAndTheFingerprintPrefixOnly() {
      Harness.Run run = Harness.demo().run(tokenEvent("Bearer " + ADMIN_TOKEN));

      DecisionRecord record = run.record();
      assertThat(record.requestId()).isEqualTo("req-1");
      assertThat(record.kind()).isEqualTo(EventKind.REST_TOKEN);
      assertThat(record.reason()).isEqualTo("allowed");
      assertThat(record.principalId()).contains("alice");
      assertThat(record.backend()).contains("memory");
      assertThat(record.fingerprintPrefix())
          .contains(Credential.parse(ADMIN_TOKEN).orElseThrow().fingerprint().prefix());
      assertThat(record.latencyMicros()).isEqualTo(Harness.NANOS_PER_CALL / 1000);
    }

    @Test
    void anInvalidEventIsRecordedWithItsKindWhenTheKindWasKnown() {
      Harness.Run run = Harness.demo().run("{\"type\":\"TOKEN\",\"authorizationToken\":\"x\"}");

      assertThat(run.record().outcome().logName()).isEqualTo("invalid_event");
      assertThat(run.record().kind()).isEqualTo(EventKind.REST_TOKEN);
      assertThat(run.record().reason()).isEqualTo("the methodArn is missing");
    }

    @Test
    void anObserverThatThrowsDoesNotChangeTheAnswer() {
      AuthorizerAdapter adapter =
          new AuthorizerAdapter(
              Demo.useCase(),
              AdapterSettings.defaults(),
              r -> {
                throw new IllegalStateException("log full");
              },
              () -> 0L);
      ByteArrayOutputStream out = new ByteArrayOutputStream();

      assertThatThrownBy(
              () ->
                  adapter.handle(
                      new java.io.ByteArrayInputStream(tokenEvent("nope").getBytes()), out, "r"))
          .isInstanceOf(UnauthorizedException.class);
    }
  }

  /** Priming for a SnapStart snapshot: every path warmed, nobody decided for. */
  @Nested
  class Priming {

    @Test
    void primingReadsEveryKindAndWritesBothShapesWithoutTheUseCaseOrTheObserver()
        throws IOException {
      List<DecisionRecord> records = new ArrayList<>();
      AuthorizeUseCase untouchable =
          request -> {
            throw new AssertionError("priming asked the use case");
          };
      AuthorizerAdapter adapter =
          new AuthorizerAdapter(
              untouchable,
              new AdapterSettings(Demo.EXAMPLE_SOURCES, HttpResponseMode.IAM),
              records::add,
              () -> 0L);

      PrimingReport report = adapter.prime();

      assertThat(report.kindsRead()).containsExactly(EventKind.values());
      assertThat(report.answerBytes())
          .containsOnlyKeys(HttpResponseMode.IAM, HttpResponseMode.SIMPLE)
          .allSatisfy((mode, bytes) -> assertThat(bytes).isPositive());
      assertThat(records).isEmpty();
    }

    @Test
    void theTokenInThePrimingEventsIsUnknownBeforeAndAfterPriming() throws IOException {
      AuthorizeUseCase world = Demo.useCase();
      AdapterSettings settings = new AdapterSettings(Demo.EXAMPLE_SOURCES, HttpResponseMode.IAM);
      Harness harness = new Harness(world, settings);
      String event = tokenEvent(PrimingInputs.TOKEN);

      Harness.Run before = harness.run(event);
      new AuthorizerAdapter(world, settings, r -> {}, () -> 0L).prime();
      Harness.Run after = harness.run(event);

      assertThat(List.of(before, after))
          .allSatisfy(
              run -> {
                assertThat(run.thrown()).isInstanceOf(UnauthorizedException.class);
                assertThat(run.record().reason()).isEqualTo("not_found");
              });
    }
  }

  /** The limit on how much of an event is read. */
  @Nested
  class EventSize {

    @Test
    void anEventOfExactlyTheLimitIsRead() throws IOException {
      String event = tokenEvent(READER_TOKEN);
      String padded =
          event.substring(0, event.length() - 1)
              + ",\"pad\":\""
              + "x".repeat(EventReader.MAX_EVENT_BYTES - event.length() - 9)
              + "\"}";
      assertThat(padded.length()).isEqualTo(EventReader.MAX_EVENT_BYTES);

      assertThat(principal(Harness.demo().run(padded))).isEqualTo("bob");
    }

    @Test
    void aLargerEventIsRefusedAfterReadingOnlyTheLimit() {
      CountingStream megabyte = new CountingStream(tokenEvent(ADMIN_TOKEN), 1 << 20);

      Harness.Run run = Harness.demo().run(megabyte);

      assertThat(run.thrown())
          .isInstanceOf(AuthorizerFailureException.class)
          .hasMessage("Invalid authorizer event: the event is larger than 262144 bytes");
      assertThat(megabyte.served).isLessThanOrEqualTo(EventReader.MAX_EVENT_BYTES + 1);
    }
  }

  /** A JSON event followed by blanks up to {@code size} bytes, served lazily and counted. */
  static final class CountingStream extends InputStream {
    private final byte[] head;
    private final long size;
    long served;

    CountingStream(String event, long size) {
      this.head = event.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      this.size = size;
    }

    @Override
    public int read() {
      if (served >= size) {
        return -1;
      }
      int b = served < head.length ? head[(int) served] : ' ';
      served++;
      return b;
    }
  }
}
