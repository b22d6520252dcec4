package dev.portcullis.adapters.lambda;

import dev.portcullis.domain.answer.AnswerLimits;
import dev.portcullis.domain.answer.AnswerTooLargeException;
import dev.portcullis.domain.port.in.Decision;
import dev.portcullis.domain.port.in.ExplainUseCase;
import dev.portcullis.domain.port.in.Explanation;
import dev.portcullis.domain.port.in.Explanation.Status;
import dev.portcullis.domain.service.ContextBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Explains one raw Lambda event: read exactly as {@link AuthorizerAdapter#handle} reads it, so an
 * event it refuses is explained with the status and reason the handler logs (an unusable event 500,
 * an ambiguous or malformed credential 401), and an answer too large to write is explained as the
 * 500 it is.
 */
public final class EventExplainer {

  private final ExplainUseCase explain;
  private final AdapterSettings settings;

  public EventExplainer(ExplainUseCase explain, AdapterSettings settings) {
    this.explain = Objects.requireNonNull(explain, "explain");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /** Explains the event in these bytes; null means no event, as for the handler. */
  public Explanation explain(byte[] event) {
    EventKind kind;
    Explanation explanation;
    try {
      AuthorizerEvent parsed =
          EventReader.read(
              event == null ? null : new ByteArrayInputStream(event), settings.tokenSources());
      kind = parsed.kind();
      explanation = explain.explain(AuthorizerAdapter.request(parsed, kind, settings));
    } catch (UnauthorizedException e) {
      return refused(Status.UNAUTHORIZED, e.reason());
    } catch (AuthorizerFailureException e) {
      return refused(Status.FAILED, e.reason());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return answerFits(kind, explanation)
        ? explanation
        : new Explanation(
            Status.FAILED,
            AnswerLimits.TOO_LARGE_REASON,
            explanation.backends(),
            explanation.identity(),
            explanation.grants(),
            explanation.policy(),
            explanation.matchedResource());
  }

  /** True unless the answer the handler would write for this explanation is over the limit. */
  private boolean answerFits(EventKind kind, Explanation explanation) {
    if (explanation.identity().isEmpty() || explanation.policy().isEmpty()) {
      return true;
    }
    Decision.Authenticated decision =
        new Decision.Authenticated(
            explanation.identity().get(),
            explanation.policy().get(),
            ContextBuilder.build(explanation.identity().get()),
            explanation.status() == Status.ALLOWED,
            Optional.empty());
    try {
      ResponseWriter.write(
          kind, settings.httpResponseMode(), decision, OutputStream.nullOutputStream());
      return true;
    } catch (AnswerTooLargeException e) {
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Explanation refused(Status status, String reason) {
    return new Explanation(
        status, reason, List.of(), Optional.empty(), List.of(), Optional.empty(), Optional.empty());
  }
}
