package dev.portcullis.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.io.StringWriter;

/** Compares JSON texts by their content, ignoring the whitespace between tokens. */
final class Json {

  private static final JsonFactory FACTORY = new JsonFactory();

  private Json() {}

  /** The text written again by Jackson, without whitespace between tokens, members in order. */
  static String compact(String json) throws IOException {
    StringWriter out = new StringWriter(json.length());
    try (JsonParser parser = FACTORY.createParser(json);
        JsonGenerator generator = FACTORY.createGenerator(out)) {
      parser.nextToken();
      generator.copyCurrentStructure(parser);
    }
    return out.toString();
  }
}
