package dev.portcullis.adapters.lambda;

import java.util.List;
import java.util.Map;

/**
 * What {@link AuthorizerAdapter#prime()} went through: the kind recognised in each event it read,
 * in order, and the bytes of each answer shape it wrote into a discarded stream.
 *
 * @param kindsRead the kind of each priming event, as the event reader recognised it
 * @param answerBytes the size of the answer written in each shape: {@link HttpResponseMode#IAM} for
 *     an IAM policy, {@link HttpResponseMode#SIMPLE} for an HTTP API simple response
 */
public record PrimingReport(List<EventKind> kindsRead, Map<HttpResponseMode, Integer> answerBytes) {

  public PrimingReport {
    kindsRead = List.copyOf(kindsRead);
    answerBytes = Map.copyOf(answerBytes);
  }
}
