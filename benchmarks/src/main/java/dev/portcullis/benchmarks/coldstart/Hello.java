package dev.portcullis.benchmarks.coldstart;

/** The JVM floor of the cold-start harness: a class that prints "hello" and exits. */
public final class Hello {

  private Hello() {}

  public static void main(String[] args) {
    System.out.println("hello");
    PeakMemory.reportIfAsked();
  }
}
