package dev.portcullis.bootstrap.wiring;

import dagger.BindsInstance;
import dagger.Component;
import dev.portcullis.adapters.lambda.AuthorizerAdapter;
import dev.portcullis.adapters.lambda.DecisionObserver;
import dev.portcullis.adapters.lambda.EventExplainer;
import dev.portcullis.bootstrap.config.Configuration;
import dev.portcullis.domain.port.in.ExplainUseCase;
import dev.portcullis.domain.port.in.SessionAdministrationUseCase;
import dev.portcullis.domain.port.out.IdentityResolver;
import java.time.Clock;
import java.util.List;
import javax.inject.Singleton;

/** The object graph of one Portcullis process: built once, shared by every request. */
@Singleton
@Component(modules = {PortcullisModule.class, BackendModule.class})
public interface PortcullisComponent {

  /** The Lambda entry adapter, over exactly the configured backends. */
  AuthorizerAdapter authorizer();

  /** Explains a call by the same steps that decide it, for {@code explain} and {@code serve}. */
  ExplainUseCase explain();

  /** Explains one raw Lambda event, read exactly as {@link #authorizer()} reads it. */
  EventExplainer eventExplainer();

  /** Session administration over the first session backend of the chain. */
  SessionAdministrationUseCase sessions();

  /** The chain of identity backends, in order. */
  List<IdentityResolver> identityChain();

  Configuration configuration();

  /** Builds the graph; only the backends the configuration names are ever constructed. */
  static PortcullisComponent create(
      Configuration configuration, Clock clock, DecisionObserver observer) {
    return DaggerPortcullisComponent.factory().create(configuration, clock, observer);
  }

  /** Creates the component from its three inputs. */
  @Component.Factory
  interface Factory {
    PortcullisComponent create(
        @BindsInstance Configuration configuration,
        @BindsInstance Clock clock,
        @BindsInstance DecisionObserver observer);
  }
}
