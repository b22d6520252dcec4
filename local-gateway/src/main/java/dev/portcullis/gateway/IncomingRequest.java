package dev.portcullis.gateway;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One HTTP request as the local gateway received it: method, raw path and query, the headers under
 * lower-case names (the JDK server does not keep the client's case) in name order, and the caller.
 */
public record IncomingRequest(
    String method,
    String rawPath,
    QueryString query,
    Map<String, List<String>> headers,
    String sourceIp,
    String protocol,
    String requestId,
    Instant receivedAt) {

  public IncomingRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(rawPath, "rawPath");
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(sourceIp, "sourceIp");
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(receivedAt, "receivedAt");
    TreeMap<String, List<String>> lower = new TreeMap<>();
    headers.forEach(
        (name, values) ->
            lower
                .computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                .addAll(values));
    lower.replaceAll((k, v) -> List.copyOf(v));
    headers = Collections.unmodifiableMap(lower);
  }

  /** Every value of a header, in order; empty when it is absent. Names ignore case. */
  public List<String> headerValues(String name) {
    return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
  }

  /** The last value of a header, as REST APIs put it in {@code headers}; null when absent. */
  public String lastHeader(String name) {
    List<String> values = headerValues(name);
    return values.isEmpty() ? null : values.get(values.size() - 1);
  }

  /** Every value of a header joined with commas, as HTTP API payload 2.0 does; null when absent. */
  public String joinedHeader(String name) {
    List<String> values = headerValues(name);
    return values.isEmpty() ? null : String.join(",", values);
  }

  /** {@code Content-Type} as REST events spell it, from the lower-case {@code content-type}. */
  static String titleCase(String lowerName) {
    StringBuilder name = new StringBuilder(lowerName.length());
    boolean upper = true;
    for (int i = 0; i < lowerName.length(); i++) {
      char c = lowerName.charAt(i);
      name.append(upper ? Character.toUpperCase(c) : c);
      upper = c == '-';
    }
    return name.toString();
  }
}
