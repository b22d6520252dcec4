package dev.portcullis.domain.answer;

/**
 * An encoded answer larger than API Gateway accepts: the call fails (500, never cached) rather than
 * send a truncated policy or one API Gateway would reject.
 */
public final class AnswerTooLargeException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  private final int bytes;

  public AnswerTooLargeException(int bytes) {
    super(
        "the answer takes "
            + bytes
            + " bytes, over API Gateway's limit of "
            + AnswerLimits.MAX_ANSWER_BYTES
            + " for a Lambda authorizer's result");
    this.bytes = bytes;
  }

  /** The encoded size of the answer that was refused. */
  public int bytes() {
    return bytes;
  }

  /** The reason code for the decision log: {@value AnswerLimits#TOO_LARGE_REASON}. */
  public String reason() {
    return AnswerLimits.TOO_LARGE_REASON;
  }
}
