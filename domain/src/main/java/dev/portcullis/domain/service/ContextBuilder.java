package dev.portcullis.domain.service;

import dev.portcullis.domain.model.AsciiText;
import dev.portcullis.domain.model.Identity;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Builds the authorizer context: scalar values only (REST's rule), with bounded keys and values, so
 * that API Gateway never rejects the response for its shape or size.
 */
public final class ContextBuilder {

  /** Longest context key. */
  public static final int MAX_KEY_LENGTH = 64;

  /** Longest context value. */
  public static final int MAX_VALUE_LENGTH = 1024;

  /** Most attributes copied into one context. */
  public static final int MAX_ATTRIBUTES = 32;

  /** Most characters of attribute keys and values together, well inside WebSocket's 8 KB. */
  public static final int MAX_ATTRIBUTE_CHARS = 4096;

  /** Keys Portcullis sets itself, and {@code claims}, which HTTP API payload 1.0 reserves. */
  public static final Set<String> RESERVED_KEYS =
      Set.of("principalId", "roles", "backend", "expiresAt", "claims");

  private ContextBuilder() {}

  /**
   * The sorted roles, comma-separated, at most {@value #MAX_VALUE_LENGTH} characters: a role
   * holding a comma would make the list ambiguous and is left out, and so are the roles past the
   * bound.
   */
  static String roles(Identity identity) {
    StringBuilder joined = new StringBuilder();
    for (String role : new java.util.TreeSet<>(identity.roles())) {
      int length = joined.length() + (joined.length() == 0 ? 0 : 1) + role.length();
      if (role.indexOf(',') >= 0 || length > MAX_VALUE_LENGTH) {
        continue;
      }
      if (joined.length() > 0) {
        joined.append(',');
      }
      joined.append(role);
    }
    return joined.toString();
  }

  /** True when an attribute with this key and value can go into a context as it is. */
  public static boolean acceptsAttribute(String key, String value) {
    return key != null
        && value != null
        && !key.isEmpty()
        && key.length() <= MAX_KEY_LENGTH
        && AsciiText.isLettersDigitsOr(key, 0, "_.:-")
        && !RESERVED_KEYS.contains(key)
        && value.length() <= MAX_VALUE_LENGTH;
  }

  /**
   * The context for an identity: {@code principalId}, {@code roles} (sorted, comma-separated,
   * without any role that holds a comma), {@code backend}, {@code expiresAt} (epoch seconds), then
   * the attributes in key order. Attributes that break a bound are left out.
   */
  public static Map<String, Object> build(Identity identity) {
    Map<String, Object> context = new LinkedHashMap<>();
    context.put("principalId", identity.principalId());
    context.put("roles", roles(identity));
    context.put("backend", identity.backend());
    context.put("expiresAt", identity.expiresAt().getEpochSecond());
    int count = 0;
    int chars = 0;
    for (Map.Entry<String, String> e : new TreeMap<>(identity.attributes()).entrySet()) {
      String key = e.getKey();
      String value = e.getValue();
      if (!acceptsAttribute(key, value)) {
        continue;
      }
      if (count == MAX_ATTRIBUTES || chars + key.length() + value.length() > MAX_ATTRIBUTE_CHARS) {
        break;
      }
      context.put(key, value);
      count++;
      chars += key.length() + value.length();
    }
    return context;
  }
}
