package dev.portcullis.bootstrap.wiring;

import dagger.Module;
import dagger.Provides;
import dev.portcullis.adapters.lambda.AuthorizerAdapter;
import dev.portcullis.adapters.lambda.DecisionObserver;
import dev.portcullis.bootstrap.config.Configuration;
import dev.portcullis.domain.port.in.AuthorizeUseCase;
import dev.portcullis.domain.port.out.IdentityResolver;
import dev.portcullis.domain.service.AuthorizeService;
import java.time.Clock;
import java.util.List;
import javax.inject.Singleton;

/** Binds the domain's authorize use case and the Lambda entry adapter. */
@Module
final class PortcullisModule {

  private PortcullisModule() {}

  @Provides
  @Singleton
  static AuthorizeUseCase authorize(
      List<IdentityResolver> chain, Configuration configuration, Clock clock) {
    return new AuthorizeService(chain, configuration.rules(), clock);
  }

  @Provides
  @Singleton
  static AuthorizerAdapter authorizer(
      AuthorizeUseCase authorize, Configuration configuration, DecisionObserver observer) {
    return new AuthorizerAdapter(authorize, configuration.adapter(), observer, System::nanoTime);
  }
}
