package dev.portcullis.gateway;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.portcullis.adapters.inmemory.InMemoryBackend;
import dev.portcullis.adapters.inmemory.InMemorySessionStore;
import dev.portcullis.adapters.lambda.AdapterSettings;
import dev.portcullis.adapters.lambda.AuthorizerAdapter;
import dev.portcullis.adapters.lambda.DecisionObserver;
import dev.portcullis.adapters.lambda.HttpResponseMode;
import dev.portcullis.adapters.lambda.TokenSource;
import dev.portcullis.domain.port.in.SessionAdministrationUseCase;
import dev.portcullis.domain.port.out.IdentityResolver;
import dev.portcullis.domain.port.out.RandomSource;
import dev.portcullis.domain.rules.AccessRules;
import dev.portcullis.domain.service.AuthorizeService;
import dev.portcullis.domain.service.SessionAdministrationService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The test world's authorizer, wired from the same parts as Lambda's handler but without bootstrap:
 * the Lambda adapter over the domain's {@link AuthorizeService}, the in-memory store seeded with
 * alice, bob, carol and dave, and {@link #RULES}. It reads credentials where the examples put them,
 * and answers HTTP payload 2.0 with IAM policies unless told to give simple responses.
 */
public final class TestAuthorizer {

  /** Rules without a grant for every signed-in identity, and a reader without $connect. */
  static final AccessRules RULES =
      AccessRules.of(
          Map.of(
              "admin", List.of("* /*", "$connect"),
              "reader", List.of("GET /orders", "GET /orders/*")));

  /** The examples' token sources. */
  static final String TOKEN_SOURCES = "header:Authorization,cookie:session,query:access_token";

  private static final String SESSIONS =
      "{\"sessions\": [\n"
          + session(TestGateway.ALICE, "alice", "admin", "2099-01-01T00:00:00Z", "")
          + ",\n"
          + session(TestGateway.BOB, "bob", "reader", "2099-01-01T00:00:00Z", "")
          + ",\n"
          + session(
              TestGateway.CAROL,
              "carol",
              "reader",
              "2020-01-01T00:00:00Z",
              "\"issuedAt\": \"2019-12-01T00:00:00Z\", ")
          + ",\n"
          + session(TestGateway.DAVE, "dave", "guest", "2099-01-01T00:00:00Z", "")
          + "\n]}";

  private final InMemorySessionStore store;
  private final Clock clock;
  private final HttpResponseMode mode;

  private TestAuthorizer(InMemorySessionStore store, Clock clock, HttpResponseMode mode) {
    this.store = store;
    this.clock = clock;
    this.mode = mode;
  }

  /** The test world, its seed file written to {@code dir} and loaded as the memory backend does. */
  public static TestAuthorizer in(Path dir) {
    try {
      Path sessions = dir.resolve("sessions.json");
      Files.writeString(sessions, SESSIONS, StandardCharsets.UTF_8);
      Clock clock = Clock.systemUTC();
      return new TestAuthorizer(InMemoryBackend.load(sessions, clock), clock, HttpResponseMode.IAM);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The same world, answering HTTP payload 2.0 with simple responses. */
  public TestAuthorizer simpleResponses() {
    return new TestAuthorizer(store, clock, HttpResponseMode.SIMPLE);
  }

  /** Whether it answers HTTP payload 2.0 with simple responses. */
  public boolean simple() {
    return mode == HttpResponseMode.SIMPLE;
  }

  /** The memory backend over the world's sessions. */
  public IdentityResolver backend() {
    return InMemoryBackend.resolver(store, clock);
  }

  /** The authorizer over the memory backend. */
  public RequestStreamHandler handler() {
    return handler(backend());
  }

  /** The authorizer over {@code backend}, which a test may take down. */
  public RequestStreamHandler handler(IdentityResolver backend) {
    AuthorizerAdapter adapter =
        new AuthorizerAdapter(
            new AuthorizeService(List.of(backend), RULES, clock),
            new AdapterSettings(TokenSource.parseList(TOKEN_SOURCES), mode),
            DecisionObserver.NONE,
            System::nanoTime);
    return (event, response, context) -> adapter.handle(event, response, context.getAwsRequestId());
  }

  /** Session administration over the same store the authorizer reads. */
  public SessionAdministrationUseCase sessions() {
    return new SessionAdministrationService(
        InMemoryBackend.NAME, store, RandomSource.secure(), clock);
  }

  private static String session(
      String token, String principal, String role, String expiresAt, String extra) {
    return "  {\"token\": \""
        + token
        + "\", \"principalId\": \""
        + principal
        + "\", \"roles\": [\""
        + role
        + "\"], "
        + extra
        + "\"expiresAt\": \""
        + expiresAt
        + "\", \"attributes\": {\"tenant\": \"acme\"}}";
  }
}
