package dev.portcullis.adapters.inmemory;

import java.util.List;

/** A seed file that cannot be loaded; the message names the file and every problem, one a line. */
public final class SeedFileException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String source;
  private final List<String> problems;

  public SeedFileException(String source, List<String> problems) {
    super("seed file " + source + " is invalid:\n  - " + String.join("\n  - ", problems));
    this.source = source;
    this.problems = List.copyOf(problems);
  }

  /** The file's path or display name. */
  public String source() {
    return source;
  }

  /** Each problem, prefixed with the JSON path of the field it concerns. */
  public List<String> problems() {
    return problems;
  }
}
