package dev.portcullis.adapters.lambda;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;

/**
 * The adapter's one {@link JsonFactory}, built once and shared by every request and thread: it
 * reads authorizer events strictly (a name given twice in one object, nesting deeper than {@link
 * EventReader#MAX_DEPTH} or a document longer than {@link EventReader#MAX_EVENT_BYTES} fails; the
 * default constraints bound numbers and names) and writes the answers. Names are canonicalized but
 * not interned: callers choose header and parameter names.
 */
final class LambdaJson {

  static final JsonFactory FACTORY =
      JsonFactory.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
          .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxDocumentLength(EventReader.MAX_EVENT_BYTES)
                  .maxNestingDepth(EventReader.MAX_DEPTH)
                  .build())
          // The runtime owns the response stream; an answer cut short is never closed into JSON.
          .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
          .disable(StreamWriteFeature.AUTO_CLOSE_CONTENT)
          .build();

  private LambdaJson() {}
}
