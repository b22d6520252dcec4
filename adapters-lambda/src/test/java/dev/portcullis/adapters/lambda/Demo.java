package dev.portcullis.adapters.lambda;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.adapters.inmemory.InMemorySessionStore;
import dev.portcullis.domain.model.Credential;
import dev.portcullis.domain.model.Identity;
import dev.portcullis.domain.model.Session;
import dev.portcullis.domain.rules.AccessRules;
import dev.portcullis.domain.service.AuthorizeService;
import dev.portcullis.domain.service.SessionIdentityResolver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The demo world of docs/examples: its rules, its sessions and tokens, and helpers to write events.
 */
final class Demo {

  static final String ADMIN_TOKEN = "pcs_demo_admin_0000000000000000000000000000000000";
  static final String READER_TOKEN = "pcs_demo_reader_000000000000000000000000000000000";
  static final String EXPIRED_TOKEN = "pcs_demo_expired_00000000000000000000000000000000";
  static final List<String> TOKENS = List.of(ADMIN_TOKEN, READER_TOKEN, EXPIRED_TOKEN);

  static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  static final String STAGE_PREFIX = "arn:aws:execute-api:us-east-1:123456789012:abcdef1234/prod/";
  static final String GET_ORDERS = STAGE_PREFIX + "GET/orders";
  static final String CONNECT = STAGE_PREFIX + "$connect";

  /** The token sources the examples are run with. */
  static final List<TokenSource> EXAMPLE_SOURCES =
      TokenSource.parseList("header:Authorization,cookie:session,query:access_token");

  private static final ObjectMapper JSON = new ObjectMapper();

  private Demo() {}

  static Path examples() {
    return Path.of(System.getProperty("user.dir")).resolve("../docs/examples").normalize();
  }

  static Path events() {
    return examples().resolve("events");
  }

  /** The real domain service over an in-memory store seeded from docs/examples/sessions.json. */
  static AuthorizeService useCase() {
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    InMemorySessionStore store = new InMemorySessionStore();
    for (Object entry : list(map(read("sessions.json")).get("sessions"))) {
      Map<String, Object> session = map(entry);
      Instant expiresAt = Instant.parse((String) session.get("expiresAt"));
      Map<String, String> attributes = new LinkedHashMap<>();
      map(session.get("attributes")).forEach((k, v) -> attributes.put(k, (String) v));
      List<String> roles = new ArrayList<>();
      list(session.get("roles")).forEach(r -> roles.add((String) r));
      Identity identity =
          new Identity(
              (String) session.get("principalId"),
              java.util.Set.copyOf(roles),
              attributes,
              expiresAt,
              "memory",
              Optional.ofNullable((String) session.get("apiKey")));
      store.create(
          new Session(
              Credential.parse((String) session.get("token")).orElseThrow().fingerprint(),
              identity,
              session.containsKey("issuedAt")
                  ? Instant.parse((String) session.get("issuedAt"))
                  : NOW.minusSeconds(3600),
              Optional.empty()));
    }
    Map<String, List<String>> grants = new LinkedHashMap<>();
    map(map(read("rules.json")).get("roles"))
        .forEach(
            (role, texts) -> {
              List<String> list = new ArrayList<>();
              list(texts).forEach(t -> list.add((String) t));
              grants.put(role, list);
            });
    return new AuthorizeService(
        List.of(new SessionIdentityResolver("memory", store, clock)),
        AccessRules.of(grants),
        clock);
  }

  /** Reads a JSON file of docs/examples into maps, lists and scalars. */
  static Object read(String name) {
    try {
      return JSON.readValue(examples().resolve(name).toFile(), Object.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object value) {
    return (List<Object>) value;
  }

  static String example(String name) {
    try {
      return Files.readString(events().resolve(name + ".json"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A JSON string literal, quotes included. */
  static String q(String text) {
    return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
  }

  /** A REST TOKEN event. */
  static String tokenEvent(String authorizationToken, String methodArn) {
    return "{\"type\":\"TOKEN\",\"authorizationToken\":"
        + q(authorizationToken)
        + ",\"methodArn\":"
        + q(methodArn)
        + "}";
  }

  static String tokenEvent(String authorizationToken) {
    return tokenEvent(authorizationToken, GET_ORDERS);
  }

  /** A REST REQUEST event on GET /orders with these extra fields, written as JSON members. */
  static String requestEvent(String members) {
    return "{\"type\":\"REQUEST\",\"methodArn\":"
        + q(GET_ORDERS)
        + (members.isEmpty() ? "" : "," + members)
        + "}";
  }

  /** An HTTP API 2.0 event on GET /orders with these extra fields. */
  static String v2Event(String members) {
    return "{\"version\":\"2.0\",\"type\":\"REQUEST\",\"routeArn\":"
        + q(GET_ORDERS)
        + (members.isEmpty() ? "" : "," + members)
        + "}";
  }

  /** A JSON object member {@code "field":{"n1":"v1",…}} from name/value pairs. */
  static String object(String field, String... namesAndValues) {
    StringBuilder json = new StringBuilder(q(field)).append(":{");
    for (int i = 0; i < namesAndValues.length; i += 2) {
      json.append(i == 0 ? "" : ",")
          .append(q(namesAndValues[i]))
          .append(':')
          .append(q(namesAndValues[i + 1]));
    }
    return json.append('}').toString();
  }

  /** A JSON object member {@code "field":{"name":["v1","v2"]}}. */
  static String multi(String field, String name, String... values) {
    StringBuilder json = new StringBuilder(q(field)).append(":{").append(q(name)).append(":[");
    for (int i = 0; i < values.length; i++) {
      json.append(i == 0 ? "" : ",").append(q(values[i]));
    }
    return json.append("]}").toString();
  }
}
