package dev.portcullis.benchmarks.coldstart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Groups the classes of one {@code -Xlog:class+load} log by what they belong to (the JDK's
 * invoke/lambda machinery, Jackson, the AWS SDK, Dagger, the domain…) and says where each came
 * from: the JDK's default CDS archive, an AppCDS archive, or loaded and verified from a jar. The
 * "ms before" column gives each group the time since the previous class load: a rough attribution
 * of start-up time, good to rank groups, not to add up exactly.
 *
 * <pre>
 * java -cp portcullis-benchmarks-probes.jar dev.portcullis.benchmarks.coldstart.ClassLoadReport LOG
 * </pre>
 */
public final class ClassLoadReport {

  /** The counts of one group of classes. */
  private static final class Group {
    int total;
    int fromBaseArchive;
    int fromAppArchive;
    double millisBefore;
  }

  private ClassLoadReport() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1 || args[0].equals("--help")) {
      System.err.println("usage: ClassLoadReport CLASS_LOAD_LOG");
      System.exit(args.length == 1 ? 0 : 2);
    }
    System.out.print(report(Files.readAllLines(Path.of(args[0]))));
  }

  /** The report for the lines of one log. */
  static String report(List<String> lines) {
    Map<String, Group> groups = new TreeMap<>();
    Group all = new Group();
    double previous = 0;
    double lastUptime = 0;
    for (String line : lines) {
      int sourceAt = line.indexOf(" source: ");
      int nameAt = line.lastIndexOf("] ", sourceAt < 0 ? line.length() : sourceAt);
      if (sourceAt < 0 || nameAt < 0) {
        continue;
      }
      String name = line.substring(nameAt + 2, sourceAt).trim();
      String source = line.substring(sourceAt + 9).trim();
      double uptime = uptimeMillis(line);
      double before = uptime >= 0 ? Math.max(0, uptime - previous) : 0;
      if (uptime >= 0) {
        previous = uptime;
        lastUptime = uptime;
      }
      for (Group g : List.of(groups.computeIfAbsent(group(name, source), k -> new Group()), all)) {
        g.total++;
        if (source.startsWith("shared objects file (top)")) {
          g.fromAppArchive++;
        } else if (source.startsWith("shared objects file")) {
          g.fromBaseArchive++;
        }
        g.millisBefore += before;
      }
    }
    List<Map.Entry<String, Group>> sorted = new ArrayList<>(groups.entrySet());
    sorted.sort((a, b) -> Integer.compare(b.getValue().total, a.getValue().total));
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "%-46s %7s %9s %9s %10s %10s%n",
            "group",
            "classes",
            "JDK CDS",
            "AppCDS",
            "not in CDS",
            "ms before"));
    Map<String, Group> ordered = new LinkedHashMap<>();
    sorted.forEach(e -> ordered.put(e.getKey(), e.getValue()));
    ordered.put("TOTAL", all);
    ordered.forEach(
        (name, g) ->
            out.append(
                String.format(
                    Locale.ROOT,
                    "%-46s %7d %9d %9d %10d %10.1f%n",
                    name,
                    g.total,
                    g.fromBaseArchive,
                    g.fromAppArchive,
                    g.total - g.fromBaseArchive - g.fromAppArchive,
                    g.millisBefore)));
    out.append(String.format(Locale.ROOT, "last class loaded at %.1f ms of uptime%n", lastUptime));
    return out.toString();
  }

  /** The group a class belongs to, by its name and where it was loaded from. */
  static String group(String name, String source) {
    if (name.contains("$$Lambda")
        || name.startsWith("java.lang.invoke.LambdaForm$")
        || source.contains("__JVM_LookupDefineClass__")
        || source.contains("__Lookup_defineClass__")) {
      return "JDK hidden classes (lambdas, LambdaForms)";
    }
    String[][] prefixes = {
      {"java.lang.invoke.", "JDK invoke/lambda machinery"},
      {"sun.invoke.", "JDK invoke/lambda machinery"},
      {"jdk.internal.invoke.", "JDK invoke/lambda machinery"},
      {"java.lang.runtime.", "JDK invoke/lambda machinery"},
      {"jdk.internal.org.objectweb.asm.", "JDK invoke/lambda machinery"},
      {"java.lang.reflect.", "JDK reflection"},
      {"jdk.internal.reflect.", "JDK reflection"},
      {"java.util.regex.", "JDK regex"},
      {"java.time.", "JDK java.time"},
      {"java.security.", "JDK security/crypto"},
      {"sun.security.", "JDK security/crypto"},
      {"javax.crypto.", "JDK security/crypto"},
      {"com.sun.crypto.", "JDK security/crypto"},
      {"javax.net.", "JDK security/crypto"},
      {"java.net.", "JDK net"},
      {"sun.net.", "JDK net"},
      {"com.sun.net.", "JDK net"},
      {"java.nio.", "JDK nio"},
      {"sun.nio.", "JDK nio"},
      {"java.util.concurrent.", "JDK java.util.concurrent"},
      {"java.util.stream.", "JDK streams"},
      {"java.util.", "JDK java.util"},
      {"java.io.", "JDK java.io"},
      {"java.lang.", "JDK java.lang"},
      {"jdk.internal.", "JDK jdk.internal (other)"},
      {"java.", "JDK other"},
      {"javax.", "JDK other"},
      {"jdk.", "JDK other"},
      {"sun.", "JDK other"},
      {"com.sun.", "JDK other"},
      {"com.fasterxml.jackson.core.", "Jackson core (streaming)"},
      {"com.fasterxml.jackson.", "Jackson databind and annotations"},
      {"software.amazon.awssdk.", "AWS SDK v2"},
      {"software.amazon.eventstream.", "AWS SDK v2"},
      {"org.reactivestreams.", "SDK dependencies (reactive-streams, slf4j)"},
      {"org.slf4j.", "SDK dependencies (reactive-streams, slf4j)"},
      {"com.amazonaws.services.lambda.runtime.api.client.", "Lambda runtime interface client"},
      {"com.amazonaws.services.lambda.runtime.serialization.", "Lambda serialization"},
      {"com.amazonaws.", "Lambda core"},
      {"dagger.", "Dagger runtime and javax.inject"},
      {"javax.inject.", "Dagger runtime and javax.inject"},
      {"dev.portcullis.domain.", "Portcullis domain"},
      {"dev.portcullis.adapters.", "Portcullis adapters"},
      {"dev.portcullis.benchmarks.", "probe"},
    };
    if (name.startsWith("dev.portcullis.bootstrap.")) {
      String simple = name.substring(name.lastIndexOf('.') + 1);
      return simple.startsWith("Dagger") || simple.contains("_")
          ? "Portcullis bootstrap (Dagger-generated)"
          : "Portcullis bootstrap";
    }
    for (String[] prefix : prefixes) {
      if (name.startsWith(prefix[0])) {
        return prefix[1];
      }
    }
    int second = name.indexOf('.', name.indexOf('.') + 1);
    return "other: " + (second < 0 ? name : name.substring(0, second));
  }

  /** The uptime decoration ({@code [0.123s]}) in milliseconds, or -1 when there is none. */
  private static double uptimeMillis(String line) {
    if (!line.startsWith("[")) {
      return -1;
    }
    int end = line.indexOf(']');
    String value = line.substring(1, end);
    try {
      if (value.endsWith("ms")) {
        return Double.parseDouble(value.substring(0, value.length() - 2));
      }
      if (value.endsWith("s")) {
        return Double.parseDouble(value.substring(0, value.length() - 1)) * 1000;
      }
    } catch (NumberFormatException e) {
      return -1;
    }
    return -1;
  }
}
