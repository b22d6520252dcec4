package dev.portcullis.bootstrap.wiring;

import dagger.Module;
import dagger.Provides;
import dev.portcullis.adapters.dynamodb.DynamoDbSessionStore;
import dev.portcullis.adapters.inmemory.InMemoryBackend;
import dev.portcullis.adapters.inmemory.InMemorySessionStore;
import dev.portcullis.adapters.jwt.JwtIdentityResolver;
import dev.portcullis.bootstrap.config.Backend;
import dev.portcullis.bootstrap.config.CacheConfig;
import dev.portcullis.bootstrap.config.Configuration;
import dev.portcullis.domain.port.in.SessionAdministrationUseCase;
import dev.portcullis.domain.port.out.IdentityResolver;
import dev.portcullis.domain.port.out.RandomSource;
import dev.portcullis.domain.port.out.SessionStore;
import dev.portcullis.domain.service.CachingIdentityResolver;
import dev.portcullis.domain.service.SessionAdministrationService;
import dev.portcullis.domain.service.SessionIdentityResolver;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.inject.Named;
import javax.inject.Provider;
import javax.inject.Singleton;

/**
 * Chooses the identity backends from the configuration. Each store is behind a {@link Provider}, so
 * a backend that is not configured is never built: no DynamoDB client for a memory-only chain.
 */
@Module
final class BackendModule {

  private BackendModule() {}

  @Provides
  @Singleton
  static InMemorySessionStore memoryStore(Configuration configuration, Clock clock) {
    return configuration
        .sessionsFile()
        .map(file -> InMemoryBackend.load(file, clock))
        .orElseGet(InMemorySessionStore::new);
  }

  /**
   * Built only when the chain names dynamodb: the store and its one SDK client, built once with the
   * component, serve every read and write of the process.
   */
  @Provides
  @Singleton
  @Named("dynamodb")
  static SessionStore dynamoDbStore(Configuration configuration) {
    return DynamoDbSessionStore.create(configuration.dynamoDb().orElseThrow());
  }

  /** Built only when the chain names jwt; primed so that the first token does not pay its init. */
  @Provides
  @Singleton
  static JwtIdentityResolver jwt(Configuration configuration, Clock clock) {
    JwtIdentityResolver resolver =
        JwtIdentityResolver.create(configuration.jwt().orElseThrow(), clock);
    resolver.prime();
    return resolver;
  }

  @Provides
  @Singleton
  static List<IdentityResolver> identityChain(
      Configuration configuration,
      Clock clock,
      Provider<InMemorySessionStore> memory,
      @Named("dynamodb") Provider<SessionStore> dynamoDb,
      Provider<JwtIdentityResolver> jwt) {
    List<IdentityResolver> chain = new ArrayList<>();
    for (Backend backend : configuration.backends()) {
      if (backend == Backend.MEMORY) {
        chain.add(new SessionIdentityResolver(backend.configName(), memory.get(), clock));
      } else if (backend == Backend.JWT) {
        chain.add(jwt.get());
      } else if (backend == Backend.DYNAMODB) {
        chain.add(
            cached(
                new SessionIdentityResolver(backend.configName(), dynamoDb.get(), clock),
                configuration.cache(),
                clock));
      }
    }
    return List.copyOf(chain);
  }

  /**
   * Administration acts on the chain's lasting session store, dynamodb, wherever it stands in the
   * chain; a chain without it administers memory (which the CLI only ever reads).
   */
  @Provides
  @Singleton
  static SessionAdministrationUseCase sessions(
      Configuration configuration,
      Clock clock,
      Provider<InMemorySessionStore> memory,
      @Named("dynamodb") Provider<SessionStore> dynamoDb) {
    Backend backend = firstSessionBackend(configuration.backends());
    SessionStore store = backend == Backend.DYNAMODB ? dynamoDb.get() : memory.get();
    return new SessionAdministrationService(
        backend.configName(), store, RandomSource.secure(), clock);
  }

  private static Backend firstSessionBackend(List<Backend> backends) {
    if (backends.contains(Backend.DYNAMODB)) {
      return Backend.DYNAMODB;
    }
    return backends.stream()
        .filter(backend -> backend == Backend.MEMORY)
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "PORTCULLIS_BACKENDS names no session backend: sessions are kept by memory or"
                        + " dynamodb"));
  }

  private static IdentityResolver cached(
      IdentityResolver resolver, CacheConfig cache, Clock clock) {
    return cache.enabled()
        ? new CachingIdentityResolver(
            resolver, clock, cache.ttl(), cache.notFoundTtl(), cache.maxEntries())
        : resolver;
  }
}
