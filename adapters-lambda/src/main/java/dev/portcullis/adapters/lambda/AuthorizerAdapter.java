package dev.portcullis.adapters.lambda;

import dev.portcullis.domain.model.RouteTarget;
import dev.portcullis.domain.port.in.AuthorizationRequest;
import dev.portcullis.domain.port.in.AuthorizeUseCase;
import dev.portcullis.domain.port.in.Decision;
import dev.portcullis.domain.port.out.BackendUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
   * @throws AuthorizerFailureException when the event is unusable or a backend cannot answer
   * @throws IOException when the event or response stream itself fails
   */
  public void handle(InputStream event, OutputStream response, String requestId)
      throws IOException {
    long started = nanoTime.getAsLong();
    EventKind kind = null;
    String outcome = DecisionRecord.ERROR;
    String reason = "unexpected_failure";
    Optional<String> principalId = Optional.empty();
    Optional<String> fingerprintPrefix = Optional.empty();
    Optional<String> backend = Optional.empty();
    try {
      AuthorizerEvent parsed = EventReader.read(event, settings.tokenSources());
      kind = parsed.kind();
      RouteTarget target = parsed.target(kind);
      Optional<String> presented =
          CredentialExtractor.extract(parsed, kind, settings.tokenSources());
      Decision decision;
      try {
        decision = authorize.authorize(new AuthorizationRequest(presented, target));
      } catch (BackendUnavailableException e) {
        backend = Optional.of(e.backend());
        // The domain builds this message from the backend's name and never from the credential.
        throw AuthorizerFailureException.failure(
            "Authorizer failure: backend '" + e.backend() + "' cannot answer" + idNote(requestId),
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
      backend = Optional.of(authenticated.identity().backend());
      ResponseWriter.write(kind, settings.httpResponseMode(), authenticated, response);
      outcome = authenticated.targetAllowed() ? DecisionRecord.ALLOW : DecisionRecord.DENY;
      reason = authenticated.reason();
    } catch (UnauthorizedException e) {
      outcome = DecisionRecord.UNAUTHENTICATED;
      reason = e.reason();
      throw e;
    } catch (AuthorizerFailureException e) {
      outcome = e.invalidEvent() ? DecisionRecord.INVALID_EVENT : DecisionRecord.ERROR;
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
              (nanoTime.getAsLong() - started) / 1000));
    }
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
