package dev.portcullis.bootstrap.wiring;

import java.util.Map;
import javax.inject.Inject;
import javax.inject.Provider;
import picocli.CommandLine;

/**
 * picocli's factory backed by Dagger: a command class registered in {@link CliModule} is built by
 * Dagger, anything else (version providers, converters, mixins) by picocli's default factory.
 */
final class CommandFactory implements CommandLine.IFactory {

  private final Map<Class<?>, Provider<Object>> commands;

  @Inject
  CommandFactory(Map<Class<?>, Provider<Object>> commands) {
    this.commands = commands;
  }

  @Override
  public <K> K create(Class<K> type) throws Exception {
    Provider<Object> command = commands.get(type);
    return command != null ? type.cast(command.get()) : CommandLine.defaultFactory().create(type);
  }
}
