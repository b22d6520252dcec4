package dev.portcullis.json;

import java.io.IOException;

/**
 * A text that is not JSON, or that exceeds a limit of the reader. The message names the problem and
 * where it is, by line and column, and never quotes the text: the text may hold a credential.
 */
public final class JsonException extends IOException {

  private static final long serialVersionUID = 1L;

  private final int line;
  private final int column;
  private final boolean limitExceeded;

  JsonException(String problem, int line, int column, boolean limitExceeded) {
    super(problem + " at line " + line + ", column " + column);
    this.line = line;
    this.column = column;
    this.limitExceeded = limitExceeded;
  }

  /** The line of the problem, from 1. */
  public int line() {
    return line;
  }

  /** The column of the problem, from 1, counted in bytes of the line. */
  public int column() {
    return column;
  }

  /** True when the text may be JSON but nests too deep or holds an overlong number. */
  public boolean limitExceeded() {
    return limitExceeded;
  }
}
