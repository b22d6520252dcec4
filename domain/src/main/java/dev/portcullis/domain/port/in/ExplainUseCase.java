package dev.portcullis.domain.port.in;

/**
 * Inbound port: why one call gets 200, 401, 403 or 500, worked out by the same steps that decide
 * it. It never throws for a backend that cannot answer: that is an explanation with status 500.
 */
public interface ExplainUseCase {

  /** Explains the call, without the credential anywhere in the answer. */
  Explanation explain(AuthorizationRequest request);
}
