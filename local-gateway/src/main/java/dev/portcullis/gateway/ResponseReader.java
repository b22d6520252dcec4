package dev.portcullis.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.domain.policy.Effect;
import dev.portcullis.domain.policy.PolicyDocument;
import dev.portcullis.domain.policy.Statement;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an authorizer's response into plain values with the gateway's {@link Json#MAPPER}, and
 * checks it the way API Gateway does: {@code principalId} and {@code policyDocument} for IAM
 * answers (each {@code Action} and {@code Resource} a string or a list of strings, {@code Effect}
 * {@code Allow} or {@code Deny}), scalar context values except on HTTP payload 2.0, and a boolean
 * {@code isAuthorized} for simple answers.
 */
final class ResponseReader {

  private ResponseReader() {}

  /**
   * Reads {@code response}, expecting a simple answer when {@code simple} is true.
   *
   * @throws MalformedResponseException when API Gateway would refuse the answer (500)
   */
  static AuthorizerResponse read(byte[] response, ApiKind kind, boolean simple) {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(response);
    } catch (IOException e) {
      // Jackson's message may quote the response: it is not passed on.
      throw new MalformedResponseException("the response is not valid JSON");
    }
    if (root.isMissingNode()) {
      throw new MalformedResponseException("the response is empty");
    }
    if (!root.isObject()) {
      throw new MalformedResponseException("the response is not a JSON object");
    }
    Map<String, Object> object = Json.MAPPER.convertValue(root, Json.PLAIN_OBJECT);
    Map<String, Object> context = context(object.get("context"), kind == ApiKind.HTTP_V2);
    if (simple) {
      Object authorized = object.get("isAuthorized");
      if (!(authorized instanceof Boolean b)) {
        throw new MalformedResponseException(
            "a simple response needs isAuthorized as a JSON boolean");
      }
      return new AuthorizerResponse.Simple(b, context);
    }
    Object principalId = object.get("principalId");
    if (!(principalId instanceof String string)) {
      throw new MalformedResponseException("principalId is missing or not a string");
    }
    Object apiKey = object.get("usageIdentifierKey");
    if (apiKey != null && !(apiKey instanceof String)) {
      throw new MalformedResponseException("usageIdentifierKey is not a string");
    }
    return new AuthorizerResponse.Policy(
        string,
        policy(object.get("policyDocument")),
        context,
        Optional.ofNullable((String) apiKey));
  }

  private static PolicyDocument policy(Object document) {
    if (!(document instanceof Map)) {
      throw new MalformedResponseException("policyDocument is missing or not an object");
    }
    Object statements = ((Map<?, ?>) document).get("Statement");
    List<?> list;
    if (statements instanceof Map) {
      list = List.of(statements);
    } else if (statements instanceof List && !((List<?>) statements).isEmpty()) {
      list = (List<?>) statements;
    } else {
      throw new MalformedResponseException("policyDocument.Statement is missing or empty");
    }
    List<Statement> parsed = new ArrayList<>();
    for (Object statement : list) {
      parsed.add(statement(statement));
    }
    return new PolicyDocument(parsed);
  }

  private static Statement statement(Object value) {
    if (!(value instanceof Map)) {
      throw new MalformedResponseException("a policy statement is not an object");
    }
    Map<?, ?> statement = (Map<?, ?>) value;
    for (String unsupported : List.of("NotAction", "NotResource", "Condition")) {
      if (statement.containsKey(unsupported)) {
        throw new MalformedResponseException(
            "a policy statement uses " + unsupported + ", which the local gateway does not model");
      }
    }
    Object effect = statement.get("Effect");
    if (!"Allow".equals(effect) && !"Deny".equals(effect)) {
      throw new MalformedResponseException("a policy statement's Effect is not Allow or Deny");
    }
    return new Statement(
        Effect.valueOf((String) effect),
        strings(statement.get("Action"), "Action"),
        strings(statement.get("Resource"), "Resource"));
  }

  /** A string, or a non-empty list of strings. */
  private static List<String> strings(Object value, String field) {
    if (value instanceof String string) {
      return List.of(string);
    }
    if (value instanceof List && !((List<?>) value).isEmpty()) {
      List<String> strings = new ArrayList<>();
      for (Object item : (List<?>) value) {
        if (!(item instanceof String string)) {
          throw new MalformedResponseException(
              "a policy statement's " + field + " holds something other than strings");
        }
        strings.add(string);
      }
      return strings;
    }
    throw new MalformedResponseException(
        "a policy statement's " + field + " is missing, empty, or not a string or list");
  }

  /** The context: any JSON values on HTTP payload 2.0, else strings, numbers and booleans only. */
  private static Map<String, Object> context(Object value, boolean richValues) {
    if (value == null) {
      return Map.of();
    }
    if (!(value instanceof Map)) {
      throw new MalformedResponseException("context is not an object");
    }
    Map<String, Object> context = new LinkedHashMap<>();
    for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
      Object item = entry.getValue();
      boolean scalar = item instanceof String || item instanceof Number || item instanceof Boolean;
      if (!scalar && !richValues) {
        throw new MalformedResponseException(
            "context value of key '"
                + entry.getKey()
                + "' is not a string, number or boolean, which only HTTP payload 2.0 accepts");
      }
      context.put((String) entry.getKey(), item);
    }
    return context;
  }
}
