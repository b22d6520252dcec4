package dev.portcullis.gateway;

import dev.portcullis.domain.model.Credential;
import dev.portcullis.domain.model.Resolution;
import dev.portcullis.domain.port.out.BackendUnavailableException;
import dev.portcullis.domain.port.out.IdentityResolver;

/** A backend that a test can take down: it then cannot answer, as in an outage. */
final class SwitchableResolver implements IdentityResolver {

  private final IdentityResolver delegate;
  private volatile boolean down;

  SwitchableResolver(IdentityResolver delegate) {
    this.delegate = delegate;
  }

  void down(boolean down) {
    this.down = down;
  }

  @Override
  public String name() {
    return delegate.name();
  }

  @Override
  public boolean accepts(Credential credential) {
    return delegate.accepts(credential);
  }

  @Override
  public Resolution resolve(Credential credential) {
    if (down) {
      throw new BackendUnavailableException(delegate.name(), "outage in a test", null);
    }
    return delegate.resolve(credential);
  }
}
