package dev.portcullis.bootstrap.wiring;

import dagger.Module;
import dagger.Provides;
import dagger.multibindings.IntoMap;
import dagger.multibindings.StringKey;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.inject.Provider;
import javax.inject.Singleton;

/**
 * Registers every identity backend, and every session store, under its name in {@code
 * PORTCULLIS_BACKENDS}. Each is reached through a {@link Provider}, so only the backends the
 * configuration names are ever built: no DynamoDB client for a memory-only chain.
 */
@Module
final class BackendModule {

  private BackendModule() {}

  /** The memory backend's sessions: those of the seed file, or none. */
  @Provides
  @Singleton
  @IntoMap
  @StringKey(InMemoryBackend.NAME)
  static SessionStore memoryStore(Configuration configuration, Clock clock) {
    return configuration
        .sessionsFile()
        .<SessionStore>map(file -> InMemoryBackend.load(file, clock))
        .orElseGet(InMemorySessionStore::new);
  }

  /** The store and its one SDK client, built once, serve every read and write of the process. */
  @Provides
  @Singleton
  @IntoMap
  @StringKey(DynamoDbSessionStore.BACKEND)
  static SessionStore dynamoDbStore(Configuration configuration) {
    return DynamoDbSessionStore.create(configuration.dynamoDb().orElseThrow());
  }

  @Provides
  @IntoMap
  @StringKey(InMemoryBackend.NAME)
  static IdentityResolver memory(Map<String, Provider<SessionStore>> stores, Clock clock) {
    return InMemoryBackend.resolver(stores.get(InMemoryBackend.NAME).get(), clock);
  }

  /** The dynamodb resolver, behind the in-function cache when one is configured. */
  @Provides
  @IntoMap
  @StringKey(DynamoDbSessionStore.BACKEND)
  static IdentityResolver dynamoDb(
      Map<String, Provider<SessionStore>> stores, Configuration configuration, Clock clock) {
    IdentityResolver resolver =
        new SessionIdentityResolver(
            DynamoDbSessionStore.BACKEND, stores.get(DynamoDbSessionStore.BACKEND).get(), clock);
    CacheConfig cache = configuration.cache();
    return cache.enabled()
        ? new CachingIdentityResolver(
            resolver, clock, cache.ttl(), cache.notFoundTtl(), cache.maxEntries())
        : resolver;
  }

  /** Primed, so that the first token does not pay for its verifier's start. */
  @Provides
  @IntoMap
  @StringKey(JwtIdentityResolver.NAME)
  static IdentityResolver jwt(Configuration configuration, Clock clock) {
    JwtIdentityResolver resolver =
        JwtIdentityResolver.create(configuration.jwt().orElseThrow(), clock);
    resolver.prime();
    return resolver;
  }

  /** The backends the configuration names, in its order. */
  @Provides
  @Singleton
  static List<IdentityResolver> identityChain(
      Configuration configuration, Map<String, Provider<IdentityResolver>> backends) {
    return configuration.backends().stream()
        .map(backend -> registered(backends, backend).get())
        .toList();
  }

  /**
   * Administration acts on the chain's lasting session store, dynamodb, wherever it stands in the
   * chain; a chain without it administers memory (which the CLI only ever reads).
   */
  @Provides
  @Singleton
  static SessionAdministrationUseCase sessions(
      Configuration configuration, Clock clock, Map<String, Provider<SessionStore>> stores) {
    Backend backend = sessionBackend(configuration.backends());
    return new SessionAdministrationService(
        backend.configName(), registered(stores, backend).get(), RandomSource.secure(), clock);
  }

  private static Backend sessionBackend(List<Backend> backends) {
    if (backends.contains(Backend.DYNAMODB)) {
      return Backend.DYNAMODB;
    }
    if (backends.contains(Backend.MEMORY)) {
      return Backend.MEMORY;
    }
    throw new IllegalStateException(
        "PORTCULLIS_BACKENDS names no session backend: sessions are kept by memory or dynamodb");
  }

  private static <T> Provider<T> registered(Map<String, Provider<T>> registry, Backend backend) {
    return Optional.ofNullable(registry.get(backend.configName()))
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "no " + backend.configName() + " backend is registered in BackendModule"));
  }
}
