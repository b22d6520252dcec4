package dev.portcullis.domain.service;

import dev.portcullis.domain.answer.JsonSize;
import dev.portcullis.domain.model.Identity;
import dev.portcullis.domain.text.Unicode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Builds the authorizer context: scalar values only (REST's rule), bounded in encoded bytes so that
 * API Gateway never rejects the response for its shape or size, whatever a seed file, a DynamoDB
 * row or a JWT's claims put in the identity.
 */
public final class ContextBuilder {

  /** Longest context key. */
  public static final int MAX_KEY_LENGTH = 64;

  /** Longest attribute value, in characters. */
  public static final int MAX_VALUE_LENGTH = 1024;

  /** Most attributes copied into one context. */
  public static final int MAX_ATTRIBUTES = 32;

  /**
   * Most characters of attribute keys and values together that an identity's source should hold;
   * what reaches the context is bounded in bytes by {@link #MAX_CONTEXT_BYTES}.
   */
  public static final int MAX_ATTRIBUTE_CHARS = 4096;

  /**
   * Most bytes the whole context takes as JSON, braces included: the part of API Gateway's 8 KB
   * answer kept for it (see {@code AnswerLimits}).
   */
  public static final int MAX_CONTEXT_BYTES = 2048;

  /** Most bytes the {@code roles} value takes as a JSON string, quotes included. */
  public static final int MAX_ROLES_BYTES = 1024;

  /**
   * Attribute bytes (see {@link #attributeBytes}) that always fit beside the fixed keys at their
   * largest: a 128-character principal and backend name made of escaped characters, a full roles
   * list and the longest number. A source that keeps an identity's attributes within this knows
   * that every one of them reaches the context.
   */
  public static final int GUARANTEED_ATTRIBUTE_BYTES =
      MAX_CONTEXT_BYTES
          - 2
          - entryBytes("principalId", 2 + 2 * 128)
          - 1
          - entryBytes("roles", MAX_ROLES_BYTES)
          - 1
          - entryBytes("backend", 2 + 2 * Identity.MAX_BACKEND_LENGTH)
          - 1
          - entryBytes("expiresAt", JsonSize.ofNumber(Long.MIN_VALUE));

  /** 1 to {@value #MAX_KEY_LENGTH} ASCII letters, digits and {@code _ . : -}. */
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.:-]{1," + MAX_KEY_LENGTH + "}");

  /** Keys Portcullis sets itself, and {@code claims}, which HTTP API payload 1.0 reserves. */
  public static final Set<String> RESERVED_KEYS =
      Set.of("principalId", "roles", "backend", "expiresAt", "claims");

  private ContextBuilder() {}

  /**
   * The sorted roles, comma-separated, at most {@value #MAX_ROLES_BYTES} bytes as JSON: a role
   * holding a comma would make the list ambiguous and is left out, and so is each role that no
   * longer fits.
   */
  static String roles(Identity identity) {
    StringBuilder joined = new StringBuilder();
    int bytes = 2;
    for (String role : new TreeSet<>(identity.roles())) {
      int more = (joined.length() == 0 ? 0 : 1) + JsonSize.ofString(role) - 2;
      if (role.indexOf(',') >= 0 || !Unicode.isWellFormed(role) || bytes + more > MAX_ROLES_BYTES) {
        continue;
      }
      if (joined.length() > 0) {
        joined.append(',');
      }
      joined.append(role);
      bytes += more;
    }
    return joined.toString();
  }

  /**
   * True when an attribute with this key and value can go into a context as it is: a key of 1 to
   * {@value #MAX_KEY_LENGTH} letters, digits and {@code _ . : -} that Portcullis does not set
   * itself, and a value of at most {@value #MAX_VALUE_LENGTH} characters that JSON can carry.
   */
  public static boolean acceptsAttribute(String key, String value) {
    return key != null
        && value != null
        && KEY.matcher(key).matches()
        && !RESERVED_KEYS.contains(key)
        && value.length() <= MAX_VALUE_LENGTH
        && Unicode.isWellFormed(value);
  }

  /**
   * At most how many bytes one attribute adds to the context: {@code "key":"value"} and the comma
   * before it.
   */
  public static int attributeBytes(String key, String value) {
    return 1 + entryBytes(key, JsonSize.ofString(value));
  }

  /**
   * The context for an identity: {@code principalId}, {@code roles} (sorted, comma-separated,
   * without any role that holds a comma), {@code backend}, {@code expiresAt} (epoch seconds), then
   * the attributes in key order. An attribute that breaks a bound is left out, and the first that
   * would take the context past {@value #MAX_CONTEXT_BYTES} bytes ends the list.
   */
  public static Map<String, Object> build(Identity identity) {
    Map<String, Object> context = new LinkedHashMap<>();
    String roles = roles(identity);
    long expiresAt = identity.expiresAt().getEpochSecond();
    context.put("principalId", identity.principalId());
    context.put("roles", roles);
    context.put("backend", identity.backend());
    context.put("expiresAt", expiresAt);
    int bytes =
        2
            + entryBytes("principalId", JsonSize.ofString(identity.principalId()))
            + 1
            + entryBytes("roles", JsonSize.ofString(roles))
            + 1
            + entryBytes("backend", JsonSize.ofString(identity.backend()))
            + 1
            + entryBytes("expiresAt", JsonSize.ofNumber(expiresAt));
    int count = 0;
    int chars = 0;
    for (Map.Entry<String, String> e : new TreeMap<>(identity.attributes()).entrySet()) {
      String key = e.getKey();
      String value = e.getValue();
      if (!acceptsAttribute(key, value)) {
        continue;
      }
      int more = attributeBytes(key, value);
      if (count == MAX_ATTRIBUTES
          || chars + key.length() + value.length() > MAX_ATTRIBUTE_CHARS
          || bytes + more > MAX_CONTEXT_BYTES) {
        break;
      }
      context.put(key, value);
      count++;
      chars += key.length() + value.length();
      bytes += more;
    }
    return context;
  }

  /**
   * At most how many bytes the whole context takes as JSON; never more than {@value
   * #MAX_CONTEXT_BYTES} for a context {@link #build} made.
   */
  public static int contextBytes(Map<String, Object> context) {
    return 2
        + Math.max(0, context.size() - 1)
        + context.entrySet().stream()
            .mapToInt(entry -> entryBytes(entry.getKey(), valueBytes(entry.getValue())))
            .sum();
  }

  /** At most how many bytes a context value takes as JSON. */
  private static int valueBytes(Object value) {
    if (value instanceof String text) {
      return JsonSize.ofString(text);
    }
    if (value instanceof Number number) {
      return JsonSize.ofNumber(number.longValue());
    }
    return String.valueOf(value).length();
  }

  /** {@code "key":} and a value of {@code valueBytes}. */
  private static int entryBytes(String key, int valueBytes) {
    return JsonSize.ofString(key) + 1 + valueBytes;
  }
}
