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
      List.of(new TokenSource(TokenSource.Kind.HEADER, "Authorization"));

  public AdapterSettings {
    tokenSources = List.copyOf(Objects.requireNonNull(tokenSources, "tokenSources"));
    Objects.requireNonNull(httpResponseMode, "httpResponseMode");
    if (tokenSources.isEmpty()) {
      throw new IllegalArgumentException("tokenSources must name at least one token source");
    }
    for (int i = 1; i < tokenSources.size(); i++) {
      TokenSource source = tokenSources.get(i);
      if (tokenSources.subList(0, i).stream().anyMatch(source::sameSourceAs)) {
        throw new IllegalArgumentException("tokenSources must not repeat a source: " + source);
      }
    }
  }

  /** The {@code Authorization} header and IAM-policy responses. */
  public static AdapterSettings defaults() {
    return new AdapterSettings(DEFAULT_TOKEN_SOURCES, HttpResponseMode.IAM);
  }
}
