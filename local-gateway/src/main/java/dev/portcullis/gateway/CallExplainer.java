package dev.portcullis.gateway;

import dev.portcullis.domain.port.in.Explanation;

/**
 * Says why the authorizer answers an event as it does. The gateway defines it and the command that
 * starts the gateway wires it to the domain's explanation, so that the decision inspector shows
 * what {@code explain} prints for the same event.
 */
@FunctionalInterface
public interface CallExplainer {

  /**
   * The explanation of {@code event}, the exact bytes the gateway sent (or, on a cache hit, would
   * have sent) to the authorizer.
   *
   * @throws RuntimeException when the event cannot be explained; the inspector says so
   */
  Explanation explain(byte[] event);
}
