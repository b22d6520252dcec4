package dev.portcullis.bootstrap.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;

/** What a command may touch: its standard streams and the process environment. */
public record Terminal(InputStream in, PrintStream out, PrintStream err, Map<String, String> env) {

  public Terminal {
    env = Map.copyOf(env);
  }

  static Terminal system() {
    return new Terminal(System.in, System.out, System.err, System.getenv());
  }
}
