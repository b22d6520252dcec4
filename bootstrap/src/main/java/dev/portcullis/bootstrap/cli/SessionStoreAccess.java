package dev.portcullis.bootstrap.cli;

import dev.portcullis.adapters.lambda.DecisionObserver;
import dev.portcullis.bootstrap.Portcullis;
import dev.portcullis.bootstrap.config.Backend;
import dev.portcullis.bootstrap.config.Configuration;
import dev.portcullis.bootstrap.config.ConfigurationException;
import dev.portcullis.bootstrap.config.UnusedSetting;
import dev.portcullis.domain.port.in.SessionAdministrationUseCase;
import java.time.Clock;
import java.util.List;

/**
 * Opens the session store the {@code sessions} commands act on, and refuses what would act on the
 * wrong one: a variable set for a backend the chain does not name, a chain without a session store,
 * and a write to the in-memory store, which ends with the command.
 */
final class SessionStoreAccess {

  /** What to set for a store that outlives the command. */
  static final String DYNAMODB_FIX =
      "set PORTCULLIS_BACKENDS=dynamodb and PORTCULLIS_TABLE (with AWS_REGION) to act on the"
          + " sessions table";

  private SessionStoreAccess() {}

  /**
   * The configuration, checked for a command that must act on the backends it names.
   *
   * @throws ConfigurationException for any problem, and for every variable the chain ignores
   */
  static Configuration strictConfiguration(Environment env) {
    Configuration configuration = Configuration.fromEnvironment(env.variables());
    if (!configuration.unusedSettings().isEmpty()) {
      throw new ConfigurationException(
          configuration.unusedSettings().stream().map(UnusedSetting::message).toList());
    }
    return configuration;
  }

  /**
   * Session administration on the chain's session store.
   *
   * @param action the command's name, for the error
   * @param writes whether the command writes: the in-memory store is then refused
   */
  static SessionAdministrationUseCase open(
      Environment env, Clock clock, String action, boolean writes) {
    return open(strictConfiguration(env), clock, action, writes);
  }

  /** Session administration on the chain's session store of a configuration already checked. */
  static SessionAdministrationUseCase open(
      Configuration configuration, Clock clock, String action, boolean writes) {
    List<Backend> backends = configuration.backends();
    if (!backends.contains(Backend.DYNAMODB) && !backends.contains(Backend.MEMORY)) {
      throw new ConfigurationException(
          List.of(
              "PORTCULLIS_BACKENDS names no session store (memory or dynamodb), so there are no"
                  + " sessions to administer: "
                  + DYNAMODB_FIX));
    }
    if (writes && !backends.contains(Backend.DYNAMODB)) {
      throw new ConfigurationException(
          List.of(
              "sessions "
                  + action
                  + " would write to the in-memory store, which ends with this command, so"
                  + " nothing would be kept: "
                  + DYNAMODB_FIX));
    }
    return Portcullis.build(configuration, clock, DecisionObserver.NONE).sessions();
  }
}
