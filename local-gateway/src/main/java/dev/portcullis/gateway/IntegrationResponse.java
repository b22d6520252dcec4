package dev.portcullis.gateway;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What the integration answered: status, headers and body, passed back to the client. */
public record IntegrationResponse(int status, Map<String, List<String>> headers, byte[] body) {

  public IntegrationResponse {
    headers = Map.copyOf(headers);
    Objects.requireNonNull(body, "body");
  }
}
