package dev.portcullis.adapters.inmemory;

import dev.portcullis.domain.port.out.SessionStore;
import dev.portcullis.domain.port.out.SessionStoreContract;

/** Runs the session store contract against the in-memory store. */
class InMemorySessionStoreTest extends SessionStoreContract {

  @Override
  protected SessionStore newStore() {
    return new InMemorySessionStore();
  }
}
