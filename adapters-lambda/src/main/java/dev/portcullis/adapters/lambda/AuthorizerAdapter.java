package dev.portcullis.adapters.lambda;

import dev.portcullis.domain.answer.AnswerLimits;
import dev.portcullis.domain.answer.AnswerTooLargeException;
import dev.portcullis.domain.model.RouteTarget;
import dev.portcullis.domain.port.in.AuthorizationRequest;
import dev.portcullis.domain.port.in.AuthorizeUseCase;
import dev.portcullis.domain.port.in.Decision;
import dev.portcullis.domain.port.out.BackendUnavailableException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The Lambda entry adapter: reads one authorizer event of any kind, asks the domain, and writes the
 * response, or throws {@link UnauthorizedException} (401) or {@link AuthorizerFailureException}
 * (500). It never answers Allow for an event it could not fully read.
 */
public final class AuthorizerAdapter {

  private final AuthorizeUseCase authorize;
  private final AdapterSettings settings;
  private final DecisionObserver observer;
  private final LongSupplier nanoTime;

  public AuthorizerAdapter(
      AuthorizeUseCase authorize,
      AdapterSettings settings,
      DecisionObserver observer,
      LongSupplier nanoTime) {
    this.authorize = Objects.requireNonNull(authorize, "authorize");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.observer = Objects.requireNonNull(observer, "observer");
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
  }

  /**
   * Reads one event, writes the response. Nothing is written unless the caller is authenticated.
   * The observer hears of every call exactly once.
   *
   * @throws UnauthorizedException when the caller is not authenticated: message {@code
   *     Unauthorized}
   * @throws AuthorizerFailureException when the event is unusable, a backend cannot answer, or the
   *     answer would be larger than API Gateway accepts (nothing is written then)
   * @throws IOException when the event or response stream itself fails
   */
  public void handle(InputStream event, OutputStream response, String requestId)
      throws IOException {
    long started = nanoTime.getAsLong();
    EventKind kind = null;
    Outcome outcome = Outcome.ERROR;
    String reason = "unexpected_failure";
    Optional<String> principalId = Optional.empty();
    Optional<String> fingerprintPrefix = Optional.empty();
    Optional<String> backend = Optional.empty();
    Optional<String> cause = Optional.empty();
    List<String> droppedGrants = List.of();
    try {
      AuthorizerEvent parsed = EventReader.read(event, settings.tokenSources());
      kind = parsed.kind();
      AuthorizationRequest request = request(parsed, kind, settings);
      Decision decision;
      try {
        decision = authorize.authorize(request);
      } catch (BackendUnavailableException e) {
        backend = Optional.of(e.backend());
        cause = Optional.of(e.causeSummary());
        // Backends build the name and the summary from their own settings, never from the
        // credential.
        throw AuthorizerFailureException.failure(
            "Authorizer failure: backend '"
                + e.backend()
                + "' cannot answer ("
                + e.causeSummary()
                + ")"
                + idNote(requestId),
            e,
            "backend_unavailable");
      }
      if (decision.fingerprint().isPresent()) {
        fingerprintPrefix = Optional.of(decision.fingerprint().get().prefix());
      }
      if (decision instanceof Decision.Unauthenticated unauthenticated) {
        backend = unauthenticated.backend();
        throw new UnauthorizedException(unauthenticated.reason());
      }
      Decision.Authenticated authenticated = (Decision.Authenticated) decision;
      principalId = Optional.of(authenticated.principalId());
      droppedGrants = authenticated.droppedGrants();
      backend = Optional.of(authenticated.identity().backend());
      try {
        ResponseWriter.write(kind, settings.httpResponseMode(), authenticated, response);
      } catch (AnswerTooLargeException e) {
        cause = Optional.of(e.bytes() + " bytes, over " + AnswerLimits.MAX_ANSWER_BYTES);
        // API Gateway would refuse the answer: a failure it does not cache, never a cut policy.
        throw AuthorizerFailureException.failure(
            "Authorizer failure: the answer would take "
                + e.bytes()
                + " bytes, over API Gateway's limit of "
                + AnswerLimits.MAX_ANSWER_BYTES
                + idNote(requestId),
            e,
            e.reason());
      }
      outcome = authenticated.targetAllowed() ? Outcome.ALLOW : Outcome.DENY;
      reason = authenticated.reason();
    } catch (UnauthorizedException e) {
      outcome = Outcome.UNAUTHENTICATED;
      reason = e.reason();
      throw e;
    } catch (AuthorizerFailureException e) {
      outcome = e.invalidEvent() ? Outcome.INVALID_EVENT : Outcome.ERROR;
      reason = e.reason();
      throw e;
    } catch (IOException e) {
      reason = "io_failure";
      throw e;
    } catch (RuntimeException e) {
      throw AuthorizerFailureException.failure(
          "Authorizer failure: unexpected " + e.getClass().getSimpleName() + idNote(requestId),
          withheld(e),
          "unexpected_failure");
    } finally {
      observe(
          new DecisionRecord(
              requestId,
              kind,
              outcome,
              reason,
              principalId,
              fingerprintPrefix,
              backend,
              cause,
              (nanoTime.getAsLong() - started) / 1000,
              droppedGrants));
    }
  }

  /**
   * Warms the adapter's own paths for a SnapStart snapshot without deciding anything: reads one
   * event of each kind as far as its credential, and writes one answer of each shape (an IAM policy
   * and an HTTP API simple response) for a fixed synthetic decision into a discarded stream. The
   * use case and the observer are never called: no identity is made that any credential could
   * resolve to, and no decision is recorded.
   *
   * @return the kind recognised in each event and the size of each answer written
   * @throws IOException only if reading an in-memory event fails, which it does not
   */
  public PrimingReport prime() throws IOException {
    List<EventKind> kinds = new ArrayList<>();
    for (byte[] event : PrimingInputs.EVENTS) {
      AuthorizerEvent parsed =
          EventReader.read(new ByteArrayInputStream(event), settings.tokenSources());
      EventKind kind = parsed.kind();
      parsed.target(kind);
      try {
        CredentialExtractor.extract(parsed, kind, settings.tokenSources());
      } catch (UnauthorizedException expected) {
        // A malformed credential under some token-source setting: read all the same.
      }
      kinds.add(kind);
    }
    Decision.Authenticated decision = PrimingInputs.decision();
    Map<HttpResponseMode, Integer> written = new EnumMap<>(HttpResponseMode.class);
    OutputStream discarded = OutputStream.nullOutputStream();
    written.put(
        HttpResponseMode.IAM,
        ResponseWriter.write(EventKind.REST_TOKEN, HttpResponseMode.IAM, decision, discarded));
    written.put(
        HttpResponseMode.SIMPLE,
        ResponseWriter.write(EventKind.HTTP_V2, HttpResponseMode.SIMPLE, decision, discarded));
    return new PrimingReport(kinds, written);
  }

  /**
   * The request an event asks about: its route and the credential its kind and the token sources
   * point at. Both {@link #handle} and {@link EventExplainer} read events through it.
   *
   * @throws AuthorizerFailureException when the event names no usable route
   * @throws UnauthorizedException when the credential is ambiguous or its scheme malformed
   */
  static AuthorizationRequest request(
      AuthorizerEvent parsed, EventKind kind, AdapterSettings settings) {
    RouteTarget target = parsed.target(kind);
    Optional<String> presented = CredentialExtractor.extract(parsed, kind, settings.tokenSources());
    return new AuthorizationRequest(presented, target);
  }

  private void observe(DecisionRecord record) {
    try {
      observer.onDecision(record);
    } catch (RuntimeException e) {
      // A broken log or metric must not turn an answer into another one. The exception's message
      // is not printed: only its type.
      System.err.println("portcullis: the decision observer failed with " + e.getClass().getName());
    }
  }

  private static String idNote(String requestId) {
    return requestId == null ? "" : " (request id " + requestId + ")";
  }

  /**
   * A stand-in for an unexpected exception: its type and stack trace, without its message or
   * causes, which come from code that may have quoted the credential.
   */
  private static RuntimeException withheld(RuntimeException e) {
    RuntimeException standIn =
        new RuntimeException(e.getClass().getName() + " (message withheld: it may hold a secret)");
    standIn.setStackTrace(e.getStackTrace());
    return standIn;
  }
}
