package dev.portcullis.bootstrap;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.portcullis.adapters.lambda.AuthorizerAdapter;
import dev.portcullis.bootstrap.wiring.PortcullisComponent;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.crac.Core;

/**
 * The deployable handler, {@code dev.portcullis.bootstrap.LambdaHandler::handleRequest}: takes
 * every authorizer event kind as a stream. It builds the component once, when Lambda creates it
 * during init, so a broken configuration fails the init rather than a request.
 */
public final class LambdaHandler implements RequestStreamHandler {

  private final AuthorizerAdapter authorizer;
  // Held here: CRaC keeps only weak references to registered resources.
  private final SnapStartPriming priming;

  /**
   * Reads the configuration from the environment and builds the component. Under SnapStart it also
   * registers the priming that runs before the snapshot.
   */
  public LambdaHandler() {
    this(Portcullis.fromEnvironment(System.getenv(), System.out));
    Core.getGlobalContext().register(priming);
  }

  LambdaHandler(PortcullisComponent component) {
    this.authorizer = component.authorizer();
    this.priming = new SnapStartPriming(authorizer);
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    authorizer.handle(input, output, context == null ? "none" : context.getAwsRequestId());
  }
}
