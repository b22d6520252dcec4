package dev.portcullis.gateway;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The built-in integration used without {@code --upstream}: answers 200 with the method, the path
 * and the {@code requestContext.authorizer} block a Lambda proxy integration would receive.
 */
public final class EchoIntegration implements Integration {

  /** The body of the answer. */
  record Echo(String method, String path, Map<String, Object> requestContext) {}

  @Override
  public IntegrationResponse call(IncomingRequest request, byte[] body, AuthorizedCall call)
      throws IOException {
    Echo echo =
        new Echo(request.method(), request.rawPath(), Map.of("authorizer", call.authorizerBlock()));
    return new IntegrationResponse(
        200,
        Map.of("Content-Type", List.of("application/json")),
        Json.MAPPER.writeValueAsBytes(echo));
  }
}
