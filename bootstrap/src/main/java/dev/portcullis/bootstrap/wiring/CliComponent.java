package dev.portcullis.bootstrap.wiring;

import dagger.BindsInstance;
import dagger.Component;
import dev.portcullis.bootstrap.cli.Terminal;
import java.time.Clock;
import picocli.CommandLine;

/**
 * The command line's object graph: picocli asks its factory for every command, and Dagger builds
 * each one with what it needs.
 */
@Component(modules = CliModule.class)
public interface CliComponent {

  /** Builds the commands Dagger knows, and leaves anything else to picocli's own factory. */
  CommandLine.IFactory commandFactory();

  /** Builds the graph over a terminal and a clock. */
  static CliComponent create(Terminal terminal, Clock clock) {
    return DaggerCliComponent.factory().create(terminal, clock);
  }

  /** Creates the component from its two inputs. */
  @Component.Factory
  interface Factory {
    CliComponent create(@BindsInstance Terminal terminal, @BindsInstance Clock clock);
  }
}
