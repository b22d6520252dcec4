package dev.portcullis.adapters.lambda;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.portcullis.domain.answer.AnswerLimits;
import dev.portcullis.domain.answer.AnswerTooLargeException;
import dev.portcullis.domain.policy.PolicyDocument;
import dev.portcullis.domain.policy.Statement;
import dev.portcullis.domain.port.in.Decision;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * Writes the response for an authenticated caller, field by field in the order API Gateway's
 * documentation shows: an IAM policy, or for HTTP API 2.0 in simple mode {@code isAuthorized}. The
 * answer is encoded in full and checked against API Gateway's size limit before its first byte is
 * written, so an answer is written whole or not at all.
 */
final class ResponseWriter {

  /** Room for a typical answer, so that encoding it rarely grows the buffer. */
  private static final int INITIAL_BUFFER_BYTES = 2048;

  private ResponseWriter() {}

  /**
   * Writes the answer to {@code out}.
   *
   * @return the number of bytes written
   * @throws AnswerTooLargeException when the encoded answer is larger than API Gateway accepts;
   *     nothing is written then
   */
  static int write(
      EventKind kind, HttpResponseMode mode, Decision.Authenticated decision, OutputStream out)
      throws IOException {
    byte[] answer = AnswerLimits.requireFits(encode(kind, mode, decision));
    out.write(answer);
    return answer.length;
  }

  /** The answer's bytes, as API Gateway would receive them. */
  static byte[] encode(EventKind kind, HttpResponseMode mode, Decision.Authenticated decision)
      throws IOException {
    Map<String, Object> context = decision.context();
    checkScalar(context);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(INITIAL_BUFFER_BYTES);
    try (JsonGenerator json = LambdaJson.FACTORY.createGenerator(bytes)) {
      json.writeStartObject();
      if (kind == EventKind.HTTP_V2 && mode == HttpResponseMode.SIMPLE) {
        json.writeBooleanField("isAuthorized", decision.targetAllowed());
        writeContext(json, context);
      } else {
        json.writeStringField("principalId", decision.principalId());
        writePolicy(json, decision.policy());
        writeContext(json, context);
        if (kind.carriesUsageIdentifierKey() && decision.usageIdentifierKey().isPresent()) {
          json.writeStringField("usageIdentifierKey", decision.usageIdentifierKey().get());
        }
      }
      json.writeEndObject();
    }
    return bytes.toByteArray();
  }

  private static void writePolicy(JsonGenerator json, PolicyDocument policy) throws IOException {
    json.writeObjectFieldStart("policyDocument");
    json.writeStringField("Version", PolicyDocument.VERSION);
    json.writeArrayFieldStart("Statement");
    for (Statement statement : policy.statements()) {
      json.writeStartObject();
      List<String> actions = statement.actions();
      if (actions.size() == 1) {
        json.writeStringField("Action", actions.get(0));
      } else {
        writeStrings(json, "Action", actions);
      }
      json.writeStringField("Effect", statement.effect().name());
      writeStrings(json, "Resource", statement.resources());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private static void writeStrings(JsonGenerator json, String field, List<String> values)
      throws IOException {
    json.writeArrayFieldStart(field);
    for (String value : values) {
      json.writeString(value);
    }
    json.writeEndArray();
  }

  private static void writeContext(JsonGenerator json, Map<String, Object> context)
      throws IOException {
    json.writeObjectFieldStart("context");
    for (Map.Entry<String, Object> entry : context.entrySet()) {
      Object value = entry.getValue();
      json.writeFieldName(entry.getKey());
      if (value instanceof String text) {
        json.writeString(text);
      } else if (value instanceof Long number) {
        json.writeNumber(number);
      } else if (value instanceof Integer number) {
        json.writeNumber(number);
      } else {
        json.writeBoolean((Boolean) value);
      }
    }
    json.writeEndObject();
  }

  /**
   * REST and WebSocket accept only strings, numbers and booleans in a context; anything else would
   * make API Gateway answer 500. Checked before the first byte is written.
   */
  private static void checkScalar(Map<String, Object> context) {
    for (Map.Entry<String, Object> entry : context.entrySet()) {
      Object value = entry.getValue();
      if (!(value instanceof String
          || value instanceof Long
          || value instanceof Integer
          || value instanceof Boolean)) {
        throw new IllegalStateException(
            "context value of key '" + entry.getKey() + "' is not a string, number or boolean");
      }
    }
  }
}
