package dev.portcullis.gateway;

import java.util.Objects;

/**
 * The demo world's credentials, handed in by whoever seeds the authorizer with them: alice (admin),
 * bob (reader) and carol (a reader whose session has expired).
 */
public record DemoTokens(String admin, String reader, String expired) {

  public DemoTokens {
    Objects.requireNonNull(admin, "admin");
    Objects.requireNonNull(reader, "reader");
    Objects.requireNonNull(expired, "expired");
  }
}
