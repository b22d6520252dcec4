package dev.portcullis.bootstrap;

import dev.portcullis.adapters.inmemory.SeedFileException;
import dev.portcullis.bootstrap.config.Configuration;
import dev.portcullis.bootstrap.config.ConfigurationException;
import dev.portcullis.bootstrap.logging.CacheCounters;
import dev.portcullis.bootstrap.logging.DecisionLogger;
import dev.portcullis.bootstrap.logging.EmfMetrics;
import dev.portcullis.bootstrap.wiring.PortcullisComponent;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;

/**
 * Builds the production component from the environment: the one wiring Lambda and the CLI share.
 */
public final class Portcullis {

  private Portcullis() {}

  /**
   * Reads and checks the environment, then builds every configured backend.
   *
   * @param log where decision lines go: standard output on Lambda, standard error on the CLI
   * @throws dev.portcullis.bootstrap.config.ConfigurationException naming every problem
   */
  public static PortcullisComponent fromEnvironment(Map<String, String> env, PrintStream log) {
    Configuration configuration = Configuration.fromEnvironment(env);
    Clock clock = Clock.systemUTC();
    CacheCounters caches = new CacheCounters();
    EmfMetrics metrics =
        new EmfMetrics(env.getOrDefault("AWS_LAMBDA_FUNCTION_NAME", "portcullis"), caches);
    PortcullisComponent component =
        PortcullisComponent.create(configuration, clock, new DecisionLogger(log, clock, metrics));
    // Build the backends now, during init, so that a broken seed file or an unusable client
    // fails start-up rather than the first request; the cache counters watch the chain it built.
    try {
      caches.watch(component.identityChain());
    } catch (SeedFileException e) {
      throw new ConfigurationException(
          e.problems().stream()
              .map(p -> "PORTCULLIS_SESSIONS_FILE (" + e.source() + "): " + p)
              .toList());
    }
    return component;
  }
}
