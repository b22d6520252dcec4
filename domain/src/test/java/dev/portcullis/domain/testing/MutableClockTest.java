package dev.portcullis.domain.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Tests the test clock itself, since other modules rely on it. */
class MutableClockTest {

  private static final Instant START = Instant.parse("2030-01-01T00:00:00Z");

  @Test
  void the_clock_stands_still_until_moved() {
    MutableClock clock = MutableClock.at(START);

    assertThat(clock.instant()).isEqualTo(START);
    assertThat(clock.millis()).isEqualTo(START.toEpochMilli());
    assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
  }

  @Test
  void advancing_and_setting_move_the_clock() {
    MutableClock clock = MutableClock.at("2030-01-01T00:00:00Z");

    clock.advance(Duration.ofMinutes(5));
    assertThat(clock.instant()).isEqualTo(START.plusSeconds(300));

    clock.set(START.minusSeconds(1));
    assertThat(clock.instant()).isEqualTo(START.minusSeconds(1));
  }

  @Test
  void a_view_in_another_zone_follows_the_original() {
    MutableClock clock = MutableClock.at(START);
    java.time.Clock paris = clock.withZone(ZoneId.of("Europe/Paris"));

    clock.advance(Duration.ofSeconds(1));

    assertThat(paris.instant()).isEqualTo(START.plusSeconds(1));
    assertThat(paris.getZone()).isEqualTo(ZoneId.of("Europe/Paris"));
  }
}
