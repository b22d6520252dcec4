package dev.portcullis.adapters.lambda;

import dev.portcullis.domain.port.in.AuthorizeUseCase;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Runs events through an {@link AuthorizerAdapter} and keeps what came out of each run. */
final class Harness {

  /** What one run produced: the bytes written, the exception thrown, and the record observed. */
  record Run(byte[] output, RuntimeException thrown, List<DecisionRecord> records) {
    String text() {
      return new String(output, StandardCharsets.UTF_8);
    }

    DecisionRecord record() {
      return records.get(0);
    }
  }

  static final long NANOS_PER_CALL = 2_500;

  private final AuthorizerAdapter adapter;
  private final List<DecisionRecord> records = new ArrayList<>();

  Harness(AuthorizeUseCase useCase, AdapterSettings settings) {
    AtomicLong clock = new AtomicLong();
    this.adapter =
        new AuthorizerAdapter(
            useCase, settings, records::add, () -> clock.addAndGet(NANOS_PER_CALL));
  }

  Harness(AdapterSettings settings) {
    this(Demo.useCase(), settings);
  }

  /** The demo world with the example token sources and IAM responses. */
  static Harness demo() {
    return new Harness(new AdapterSettings(Demo.EXAMPLE_SOURCES, HttpResponseMode.IAM));
  }

  static Harness demo(HttpResponseMode mode) {
    return new Harness(new AdapterSettings(Demo.EXAMPLE_SOURCES, mode));
  }

  Run run(String event) {
    return run(
        event == null ? null : new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)));
  }

  Run run(InputStream event) {
    records.clear();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RuntimeException thrown = null;
    try {
      adapter.handle(event, out, "req-1");
    } catch (RuntimeException e) {
      thrown = e;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Run(out.toByteArray(), thrown, List.copyOf(records));
  }
}
