package dev.portcullis.domain.port.in;

/** Incoming port: decides who is calling and which routes of the API they may invoke. */
public interface AuthorizeUseCase {

  /**
   * Decides on one call.
   *
   * @throws dev.portcullis.domain.port.out.BackendUnavailableException when a backend cannot
   *     answer; the caller must then fail, never deny
   */
  Decision authorize(AuthorizationRequest request);
}
