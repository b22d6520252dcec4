package dev.portcullis.bootstrap;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.portcullis.adapters.lambda.AuthorizerAdapter;
import dev.portcullis.bootstrap.wiring.PortcullisComponent;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The deployable handler, {@code dev.portcullis.bootstrap.LambdaHandler::handleRequest}: takes
 * every authorizer event kind as a stream. It builds the component once, when Lambda creates it
 * during init, so a broken configuration fails the init rather than a request.
 */
public final class LambdaHandler implements RequestStreamHandler {

  private final AuthorizerAdapter authorizer;

  /** Reads the configuration from the environment and builds the component. */
  public LambdaHandler() {
    this(Portcullis.fromEnvironment(System.getenv(), System.out));
  }

  LambdaHandler(PortcullisComponent component) {
    this.authorizer = component.authorizer();
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    authorizer.handle(input, output, context == null ? "none" : context.getAwsRequestId());
  }
}
