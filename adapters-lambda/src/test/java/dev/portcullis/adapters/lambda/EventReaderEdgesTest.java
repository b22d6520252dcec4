package dev.portcullis.adapters.lambda;

import static dev.portcullis.adapters.lambda.Demo.ADMIN_TOKEN;
import static dev.portcullis.adapters.lambda.Demo.object;
import static dev.portcullis.adapters.lambda.Demo.requestEvent;
import static dev.portcullis.adapters.lambda.Demo.tokenEvent;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The event reader at its edges: an event of exactly the size limit that arrives in small pieces
 * from a stream that cannot say how much it holds, and a header that is not the cookie header.
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
}
