package dev.portcullis.bootstrap.serve;

import dev.portcullis.json.JsonWriter;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The built-in integration used without {@code --upstream}: answers 200 with the method, the path
 * and the {@code requestContext.authorizer} block a Lambda proxy integration would receive.
 */
public final class EchoIntegration implements Integration {

  @Override
  public IntegrationResponse call(IncomingRequest request, byte[] body, AuthorizedCall call)
      throws IOException {
    JsonWriter json = new JsonWriter(512);
    json.writeStartObject();
    json.writeStringField("method", request.method());
    json.writeStringField("path", request.rawPath());
    json.writeObjectFieldStart("requestContext");
    json.writeFieldName("authorizer");
    Json.writeValue(json, call.authorizerBlock());
    json.writeEndObject();
    json.writeEndObject();
    return new IntegrationResponse(
        200, Map.of("Content-Type", List.of("application/json")), json.toByteArray());
  }
}
