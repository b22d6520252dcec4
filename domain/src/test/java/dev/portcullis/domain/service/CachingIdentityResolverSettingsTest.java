package dev.portcullis.domain.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.domain.model.Credential;
import dev.portcullis.domain.model.Resolution;
import dev.portcullis.domain.port.out.IdentityResolver;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The cache's settings at their edges, and what it passes through to its backend. */
class CachingIdentityResolverSettingsTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);

  /** A backend that takes only values starting with {@code pcs_} and finds nothing. */
  private static final IdentityResolver BACKEND =
      new IdentityResolver() {
        @Override
        public String name() {
          return "scripted";
        }

        @Override
        public boolean accepts(Credential credential) {
          return credential.reveal().startsWith("pcs_");
        }

        @Override
        public Resolution resolve(Credential credential) {
          return new Resolution.NotFound();
        }
      };

  @Test
  void a_cache_of_one_entry_whose_not_found_window_equals_its_ttl_is_accepted() {
    Duration ttl = Duration.ofSeconds(5);

    CachingIdentityResolver cache = new CachingIdentityResolver(BACKEND, CLOCK, ttl, ttl, 1);

    assertThat(cache.resolve(Credential.parse("pcs_a").orElseThrow()))
        .isInstanceOf(Resolution.NotFound.class);
  }

  @Test
  void the_name_and_what_it_accepts_are_the_backends() {
    CachingIdentityResolver cache =
        new CachingIdentityResolver(BACKEND, CLOCK, Duration.ofSeconds(5), Duration.ZERO, 3);

    assertThat(cache.name()).isEqualTo("scripted");
    assertThat(cache.accepts(Credential.parse("pcs_a").orElseThrow())).isTrue();
    assertThat(cache.accepts(Credential.parse("jwt_a").orElseThrow())).isFalse();
  }
}
