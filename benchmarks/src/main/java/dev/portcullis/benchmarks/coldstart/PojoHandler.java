package dev.portcullis.benchmarks.coldstart;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/**
 * A trivial handler that takes and returns POJOs, so that the runtime interface client sets up its
 * own JSON serialization: what a stream handler avoids.
 */
public final class PojoHandler implements RequestHandler<Map<String, Object>, Map<String, String>> {

  @Override
  public Map<String, String> handleRequest(Map<String, Object> event, Context context) {
    return Map.of("type", String.valueOf(event.get("type")));
  }
}
