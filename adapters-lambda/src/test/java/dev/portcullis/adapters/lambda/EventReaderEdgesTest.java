package dev.portcullis.adapters.lambda;

import static dev.portcullis.adapters.lambda.Demo.ADMIN_TOKEN;
import static dev.portcullis.adapters.lambda.Demo.object;
import static dev.portcullis.adapters.lambda.Demo.requestEvent;
import static dev.portcullis.adapters.lambda.Demo.tokenEvent;
import static dev.portcullis.adapters.lambda.Demo.v2Event;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The event reader at its edges: an event of exactly the size limit that arrives in small pieces
 * from a stream that cannot say how much it holds, a header that is not the cookie header, and null
 * or mistyped fields.
 */
class EventReaderEdgesTest {

  /** A stream that hands out at most {@code chunk} bytes per read and never says how many wait. */
  private static InputStream trickled(byte[] bytes, int chunk) {
    return new ByteArrayInputStream(bytes) {
      @Override
      public synchronized int read(byte[] buffer, int offset, int length) {
        return super.read(buffer, offset, Math.min(length, chunk));
      }

      @Override
      public synchronized int available() {
        return 0;
      }
    };
  }

  @Test
  void an_event_of_exactly_the_limit_arriving_in_small_pieces_is_read_whole() {
    String event = tokenEvent("Bearer " + ADMIN_TOKEN);
    byte[] padded =
        (event + " ".repeat(EventReader.MAX_EVENT_BYTES - event.length()))
            .getBytes(StandardCharsets.UTF_8);

    Harness.Run run = Harness.demo().run(trickled(padded, 1000));

    assertThat(padded).hasSize(EventReader.MAX_EVENT_BYTES);
    assertThat(run.thrown()).as("thrown").isNull();
    assertThat(run.text()).contains("\"Effect\":\"Allow\"");
  }

  @Test
  void a_cookie_spelled_in_another_header_is_no_cookie() {
    Harness harness =
        new Harness(
            new AdapterSettings(
                TokenSource.parseList("cookie:session,header:X-Api-Token"), HttpResponseMode.IAM));
    String event = requestEvent(object("headers", "X-Api-Token", "session=" + ADMIN_TOKEN));

    Harness.Run run = harness.run(event);

    assertThat(run.thrown()).isInstanceOf(UnauthorizedException.class);
    assertThat(run.output()).isEmpty();
  }

  @Test
  void a_null_version_is_an_absent_version() {
    String event =
        requestEvent(
            "\"version\":null," + object("headers", "Authorization", "Bearer " + ADMIN_TOKEN));

    Harness.Run run = Harness.demo().run(event);

    assertThat(run.thrown()).as("thrown").isNull();
    assertThat(run.text()).contains("\"Effect\":\"Allow\"");
  }

  @Test
  void a_number_where_a_string_belongs_is_an_invalid_event_even_in_a_field_the_kind_ignores() {
    String event =
        requestEvent(
            "\"authorizationToken\":5,"
                + object("headers", "Authorization", "Bearer " + ADMIN_TOKEN));

    Harness.Run run = Harness.demo().run(event);

    assertThat(run.thrown())
        .isInstanceOf(AuthorizerFailureException.class)
        .hasMessageContaining("'authorizationToken' is not a string");
  }

  @Test
  void a_null_cookie_list_is_no_cookies_and_the_header_still_decides() {
    String event =
        v2Event("\"cookies\":null," + object("headers", "authorization", "Bearer " + ADMIN_TOKEN));

    Harness.Run run = Harness.demo().run(event);

    assertThat(run.thrown()).as("thrown").isNull();
    assertThat(run.text()).contains("\"Effect\":\"Allow\"");
  }

  @Test
  void a_null_inside_the_cookie_list_is_skipped_and_the_next_cookie_still_counts() {
    String event = v2Event("\"cookies\":[null,\"session=" + ADMIN_TOKEN + "\"]");

    Harness.Run run = Harness.demo().run(event);

    assertThat(run.thrown()).as("thrown").isNull();
    assertThat(run.text()).contains("\"Effect\":\"Allow\"");
  }
}
