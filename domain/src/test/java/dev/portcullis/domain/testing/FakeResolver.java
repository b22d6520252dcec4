package dev.portcullis.domain.testing;

import dev.portcullis.domain.model.Credential;
import dev.portcullis.domain.model.Resolution;
import dev.portcullis.domain.port.out.IdentityResolver;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A backend that answers from a script, remembers what it was asked, or fails on demand. */
public final class FakeResolver implements IdentityResolver {

  private final String name;
  private final boolean forJwt;
  private final Map<String, Resolution> answers = new HashMap<>();
  private final List<String> asked = new ArrayList<>();
  private RuntimeException failure;

  private FakeResolver(String name, boolean forJwt) {
    this.name = name;
    this.forJwt = forJwt;
  }

  public static FakeResolver opaque(String name) {
    return new FakeResolver(name, false);
  }

  public static FakeResolver jwt(String name) {
    return new FakeResolver(name, true);
  }

  public FakeResolver answering(String token, Resolution resolution) {
    answers.put(token, resolution);
    return this;
  }

  public FakeResolver failingWith(RuntimeException e) {
    failure = e;
    return this;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public boolean accepts(Credential credential) {
    return credential.looksLikeJwt() == forJwt;
  }

  @Override
  public Resolution resolve(Credential credential) {
    asked.add(credential.reveal());
    if (failure != null) {
      throw failure;
    }
    return answers.getOrDefault(credential.reveal(), new Resolution.NotFound());
  }

  /** The raw credentials it was asked to resolve, in order. */
  public List<String> asked() {
    return asked;
  }
}
