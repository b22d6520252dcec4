package dev.portcullis.domain.port.out;

import dev.portcullis.domain.model.Credential;
import dev.portcullis.domain.model.Resolution;

/**
 * Outgoing port: a backend that tells who a credential belongs to. It throws {@link
 * BackendUnavailableException} when it cannot answer; it never turns an outage into a negative
 * resolution.
 */
public interface IdentityResolver {

  /** The backend's name, as configured and as reported in the context ({@code memory}, ...). */
  String name();

  /** True when this backend handles credentials of this shape. */
  boolean accepts(Credential credential);

  /** Resolves the credential. */
  Resolution resolve(Credential credential);
}
