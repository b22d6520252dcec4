package dev.portcullis.bootstrap;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.portcullis.adapters.inmemory.SeedFileException;
import dev.portcullis.adapters.lambda.DecisionObserver;
import dev.portcullis.bootstrap.config.Configuration;
import dev.portcullis.bootstrap.config.ConfigurationException;
import dev.portcullis.bootstrap.logging.CacheCounters;
import dev.portcullis.bootstrap.logging.DecisionLogger;
import dev.portcullis.bootstrap.logging.EmfMetrics;
import dev.portcullis.bootstrap.wiring.PortcullisComponent;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Map;

/**
 * Builds the production component from the environment: the one wiring Lambda and the CLI share.
 */
public final class Portcullis {

  private Portcullis() {}

  /**
   * Reads and checks the environment, writes each warning as a JSON log line ({@code "level":
   * "WARN"}) to {@code log}, then builds every configured backend: Lambda's start-up.
   *
   * @param log where decision lines go: standard output on Lambda, standard error on the CLI
   * @throws dev.portcullis.bootstrap.config.ConfigurationException naming every problem
   */
  public static PortcullisComponent fromEnvironment(Map<String, String> env, PrintStream log) {
    Configuration configuration = Configuration.fromEnvironment(env);
    configuration.warnings().forEach(warning -> log.println(warningLine(warning)));
    return build(configuration, env, log);
  }

  /**
   * Builds every backend {@code configuration} names, with the JSON decision log of Lambda on
   * {@code log}.
   */
  public static PortcullisComponent build(
      Configuration configuration, Map<String, String> env, PrintStream log) {
    Clock clock = Clock.systemUTC();
    CacheCounters caches = new CacheCounters();
    EmfMetrics metrics =
        new EmfMetrics(env.getOrDefault("AWS_LAMBDA_FUNCTION_NAME", "portcullis"), caches);
    PortcullisComponent component =
        build(configuration, clock, new DecisionLogger(log, clock, metrics));
    caches.watch(component.identityChain());
    return component;
  }

  /**
   * Builds every backend {@code configuration} names, now, so that a broken seed file or an
   * unusable client fails start-up rather than the first request.
   *
   * @param observer receives one record per decision
   */
  public static PortcullisComponent build(
      Configuration configuration, Clock clock, DecisionObserver observer) {
    PortcullisComponent component = PortcullisComponent.create(configuration, clock, observer);
    try {
      component.identityChain();
    } catch (SeedFileException e) {
      throw new ConfigurationException(
          e.problems().stream()
              .map(p -> "PORTCULLIS_SESSIONS_FILE (" + e.source() + "): " + p)
              .toList());
    }
    return component;
  }

  /** One JSON log line, as Lambda's JSON log format reads a level from. */
  static String warningLine(String warning) {
    StringWriter line = new StringWriter();
    try (JsonGenerator json = new JsonFactory().createGenerator(line)) {
      json.writeStartObject();
      json.writeStringField("level", "WARN");
      json.writeStringField("message", "Portcullis configuration: " + warning);
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return line.toString();
  }
}
