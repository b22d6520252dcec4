package dev.portcullis.gateway;

import java.io.IOException;

/** Where allowed requests go: the built-in echo or an upstream HTTP server. */
public interface Integration {

  /**
   * Serves an allowed request.
   *
   * @throws IOException when the upstream cannot be reached or fails to answer (502)
   */
  IntegrationResponse call(IncomingRequest request, byte[] body, AuthorizedCall call)
      throws IOException, InterruptedException;
}
