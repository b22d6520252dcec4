package dev.portcullis.adapters.lambda;

import java.util.List;
import java.util.Objects;

/**
 * How the adapter reads credentials and answers HTTP API 2.0 events, from {@code
 * PORTCULLIS_TOKEN_SOURCES} and {@code PORTCULLIS_HTTP_RESPONSE}.
 */
public record AdapterSettings(List<TokenSource> tokenSources, HttpResponseMode httpResponseMode) {

  /** The token sources used when none are configured: the {@code Authorization} header. */
  public static final List<TokenSource> DEFAULT_TOKEN_SOURCES =
      List.of(new TokenSource.Header("Authorization"));

  public AdapterSettings {
    tokenSources = List.copyOf(Objects.requireNonNull(tokenSources, "tokenSources"));
    Objects.requireNonNull(httpResponseMode, "httpResponseMode");
    if (tokenSources.isEmpty()) {
      throw new IllegalArgumentException("tokenSources must name at least one token source");
    }
    for (int i = 1; i < tokenSources.size(); i++) {
      if (indexOfSame(tokenSources.subList(0, i), tokenSources.get(i)) >= 0) {
        throw new IllegalArgumentException(
            "tokenSources must not repeat a source: " + tokenSources.get(i));
      }
    }
  }

  /** The index of a source in {@code sources} that reads the same place, or -1. */
  static int indexOfSame(List<TokenSource> sources, TokenSource source) {
    for (int i = 0; i < sources.size(); i++) {
      if (sources.get(i).sameSourceAs(source)) {
        return i;
      }
    }
    return -1;
  }

  /** The {@code Authorization} header and IAM-policy responses. */
  public static AdapterSettings defaults() {
    return new AdapterSettings(DEFAULT_TOKEN_SOURCES, HttpResponseMode.IAM);
  }
}
