package dev.portcullis.bootstrap.wiring;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import dev.portcullis.adapters.lambda.AuthorizerAdapter;
import dev.portcullis.adapters.lambda.DecisionObserver;
import dev.portcullis.adapters.lambda.EventExplainer;
import dev.portcullis.bootstrap.config.Configuration;
import dev.portcullis.domain.port.in.AuthorizeUseCase;
import dev.portcullis.domain.port.in.ExplainUseCase;
import dev.portcullis.domain.port.out.IdentityResolver;
import dev.portcullis.domain.service.AuthorizeService;
import dev.portcullis.domain.service.ExplainService;
import java.time.Clock;
import java.util.List;
import javax.inject.Singleton;

/** Binds the domain's authorize and explain use cases, and the Lambda entry adapters. */
@Module
abstract class PortcullisModule {

  private PortcullisModule() {}

  @Provides
  @Singleton
  static AuthorizeService decisions(
      List<IdentityResolver> chain, Configuration configuration, Clock clock) {
    return new AuthorizeService(chain, configuration.rules(), clock);
  }

  @Binds
  abstract AuthorizeUseCase authorize(AuthorizeService decisions);

  /** Explanations come from the very service that decides, over the same chain and cache. */
  @Provides
  @Singleton
  static ExplainUseCase explain(AuthorizeService decisions) {
    return new ExplainService(decisions);
  }

  @Provides
  @Singleton
  static EventExplainer eventExplainer(ExplainUseCase explain, Configuration configuration) {
    return new EventExplainer(explain, configuration.adapter());
  }

  @Provides
  @Singleton
  static AuthorizerAdapter authorizer(
      AuthorizeUseCase authorize, Configuration configuration, DecisionObserver observer) {
    return new AuthorizerAdapter(authorize, configuration.adapter(), observer, System::nanoTime);
  }
}
