package dev.portcullis.benchmarks.coldstart;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Prints this process's peak resident set ({@code VmHWM}) to standard error when the system
 * property {@code portcullis.probe.vmhwm} is set: the harness's fallback where {@code
 * /usr/bin/time} is missing. Written without lambdas or string concatenation, so that asking costs
 * no bootstrap.
 */
final class PeakMemory {

  private PeakMemory() {}

  static void reportIfAsked() {
    if (System.getProperty("portcullis.probe.vmhwm") == null) {
      return;
    }
    long kb = ofProcess("self");
    StringBuilder line = new StringBuilder(32).append("probe vmhwm_kb=").append(kb);
    System.err.println(line);
  }

  /** {@code VmHWM} in kB of /proc/PID/status, or -1 when it cannot be read. */
  static long ofProcess(String pid) {
    String status;
    try (FileInputStream in =
        new FileInputStream(
            new StringBuilder(32).append("/proc/").append(pid).append("/status").toString())) {
      status = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      return -1;
    }
    int at = status.indexOf("VmHWM:");
    if (at < 0) {
      return -1;
    }
    long kb = 0;
    boolean digits = false;
    for (int i = at + 6; i < status.length(); i++) {
      char c = status.charAt(i);
      if (c >= '0' && c <= '9') {
        kb = kb * 10 + (c - '0');
        digits = true;
      } else if (digits) {
        break;
      }
    }
    return digits ? kb : -1;
  }
}
