package dev.portcullis.benchmarks.coldstart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns the cold-start harness's raw results ({@code METRIC VARIANT OPTION_SET VALUE} lines) into
 * its report: median, min and max per variant and option set, the ratios DESIGN.md sets targets
 * for, and each option set against the first one. The option sets named by {@code --aot-sets} run
 * with AOT caches and are held to the tighter targets of a JDK 25 with a cache; the others to those
 * of a JVM with no archive.
 *
 * <pre>
 * java -cp portcullis-benchmarks-probes.jar dev.portcullis.benchmarks.coldstart.Summary RESULTS \
 *     [--aot-sets NAME,NAME]
 * </pre>
 */
public final class Summary {

  /**
   * A target ratio: {@code numerator / denominator <= limit}, for option sets with an AOT cache and
   * for those without one.
   */
  private record Target(
      String numerator, String denominator, double withCache, double withoutCache, String label) {
    double limit(boolean aot) {
      return aot ? withCache : withoutCache;
    }
  }

  private static final List<Target> TARGETS =
      List.of(
          new Target("memory", "hello", 2.0, 2.8, "b/a (memory backend / JVM floor)"),
          new Target("dynamodb", "hello", 5.5, 12.0, "c/a (DynamoDB backend / JVM floor)"),
          new Target("ric", "ric-trivial", 1.5, 2.2, "d/d_trivial (portcullis.jar / trivial, RIC)"),
          new Target(
              "ric-pojo", "ric-trivial", Double.NaN, Double.NaN, "POJO handler / trivial, RIC"));

  private final Set<String> aotSets = new HashSet<>();

  private final Map<String, Map<String, Map<String, List<Double>>>> values = new LinkedHashMap<>();
  private final List<String> optionSets = new ArrayList<>();
  private final List<String> variants = new ArrayList<>();

  private Summary() {}

  public static void main(String[] args) throws IOException {
    boolean aotSets = args.length == 3 && args[1].equals("--aot-sets");
    if ((args.length != 1 && !aotSets) || args[0].equals("--help")) {
      System.err.println("usage: Summary RESULTS.tsv [--aot-sets NAME,NAME]");
      System.exit(args.length == 1 ? 0 : 2);
    }
    Summary summary = new Summary();
    if (aotSets) {
      summary.aotSets.addAll(List.of(args[2].split(",")));
    }
    for (String line : Files.readAllLines(Path.of(args[0]))) {
      String[] f = line.split("\t");
      if (f.length == 4 && !line.startsWith("#")) {
        summary.add(f[0], f[1], f[2], Double.parseDouble(f[3]));
      }
    }
    System.out.print(summary.report());
  }

  private void add(String metric, String variant, String optionSet, double value) {
    if (!optionSets.contains(optionSet)) {
      optionSets.add(optionSet);
    }
    if (!metric.startsWith("exp:") && !variants.contains(variant)) {
      variants.add(variant);
    }
    values
        .computeIfAbsent(metric, k -> new LinkedHashMap<>())
        .computeIfAbsent(variant, k -> new LinkedHashMap<>())
        .computeIfAbsent(optionSet, k -> new ArrayList<>())
        .add(value);
  }

  private String report() {
    StringBuilder out = new StringBuilder();
    out.append(
        line(
            "%-12s %-10s %4s %9s %9s %9s %9s %10s %10s %8s %10s",
            "variant",
            "options",
            "runs",
            "median ms",
            "min ms",
            "max ms",
            "spread",
            "RSS MB med",
            "RSS MB max",
            "classes",
            "not in CDS"));
    for (String variant : variants) {
      for (String optionSet : optionSets) {
        List<Double> wall = get("wall_ms", variant, optionSet);
        if (wall.isEmpty()) {
          continue;
        }
        List<Double> rss = get("rss_kb", variant, optionSet);
        List<Double> classes = get("classes", variant, optionSet);
        List<Double> fromJar = get("classes_from_jar", variant, optionSet);
        out.append(
            line(
                "%-12s %-10s %4d %9.1f %9.1f %9.1f %8.0f%% %10s %10s %8s %10s",
                variant,
                optionSet,
                wall.size(),
                median(wall),
                Collections.min(wall),
                Collections.max(wall),
                100 * (Collections.max(wall) - Collections.min(wall)) / median(wall),
                rss.isEmpty() ? "-" : fmt(median(rss) / 1024),
                rss.isEmpty() ? "-" : fmt(Collections.max(rss) / 1024),
                classes.isEmpty() ? "-" : fmt0(median(classes)),
                fromJar.isEmpty() ? "-" : fmt0(median(fromJar))));
      }
    }
    phases(out);
    ratios(out);
    optionSets(out);
    experiments(out);
    return out.toString();
  }

  private void phases(StringBuilder out) {
    boolean header = false;
    for (String variant : variants) {
      for (String optionSet : optionSets) {
        List<Double> init = get("init_us", variant, optionSet);
        List<Double> first = get("first_us", variant, optionSet);
        List<Double> wall = get("wall_ms", variant, optionSet);
        if (init.isEmpty() || first.isEmpty()) {
          continue;
        }
        if (!header) {
          out.append(
              line(
                  "%nInside the probe (medians): new LambdaHandler(), the first handleRequest, and"
                      + " the rest (JVM start, class path, exit)"));
          out.append(
              line(
                  "%-12s %-10s %12s %12s %12s",
                  "variant", "options", "init ms", "first ms", "rest ms"));
          header = true;
        }
        double initMs = median(init) / 1000;
        double firstMs = median(first) / 1000;
        out.append(
            line(
                "%-12s %-10s %12.1f %12.1f %12.1f",
                variant, optionSet, initMs, firstMs, median(wall) - initMs - firstMs));
      }
    }
  }

  private void ratios(StringBuilder out) {
    out.append(line("%nRatios of medians, each within one option set (same run)"));
    for (String optionSet : optionSets) {
      for (Target target : TARGETS) {
        List<Double> num = get("wall_ms", target.numerator(), optionSet);
        List<Double> den = get("wall_ms", target.denominator(), optionSet);
        if (num.isEmpty() || den.isEmpty()) {
          continue;
        }
        double ratio = median(num) / median(den);
        double limit = target.limit(aotSets.contains(optionSet));
        String verdict =
            Double.isNaN(limit)
                ? ""
                : ratio <= limit
                    ? "  target <= " + limit + ": met"
                    : "  target <= " + limit + ": NOT met";
        out.append(
            line(
                "%-10s %-46s %6.2f  (%.1f / %.1f ms)%s",
                optionSet, target.label(), ratio, median(num), median(den), verdict));
      }
    }
  }

  private void optionSets(StringBuilder out) {
    if (optionSets.size() < 2) {
      return;
    }
    String base = optionSets.get(0);
    out.append(line("%nEach option set against '%s' (medians, same run)", base));
    for (String variant : variants) {
      List<Double> before = get("wall_ms", variant, base);
      if (before.isEmpty()) {
        continue;
      }
      for (String optionSet : optionSets.subList(1, optionSets.size())) {
        List<Double> after = get("wall_ms", variant, optionSet);
        if (after.isEmpty()) {
          continue;
        }
        out.append(
            line(
                "%-12s %-10s %8.1f ms -> %8.1f ms  (%+.1f ms, %+.0f%%)",
                variant,
                optionSet,
                median(before),
                median(after),
                median(after) - median(before),
                100 * (median(after) - median(before)) / median(before)));
      }
    }
  }

  private void experiments(StringBuilder out) {
    boolean header = false;
    for (Map.Entry<String, Map<String, Map<String, List<Double>>>> metric : values.entrySet()) {
      if (!metric.getKey().startsWith("exp:")) {
        continue;
      }
      if (!header) {
        out.append(line("%nCold-path experiments: first use in a fresh JVM, ms"));
        out.append(
            line(
                "%-44s %-10s %4s %9s %9s %9s",
                "experiment/step", "options", "runs", "median", "min", "max"));
        header = true;
      }
      for (Map.Entry<String, Map<String, List<Double>>> step : metric.getValue().entrySet()) {
        for (Map.Entry<String, List<Double>> set : step.getValue().entrySet()) {
          List<Double> v = set.getValue();
          out.append(
              line(
                  "%-44s %-10s %4d %9.2f %9.2f %9.2f",
                  metric.getKey().substring(4) + "/" + step.getKey(),
                  set.getKey(),
                  v.size(),
                  median(v),
                  Collections.min(v),
                  Collections.max(v)));
        }
      }
    }
  }

  private List<Double> get(String metric, String variant, String optionSet) {
    return values
        .getOrDefault(metric, Map.of())
        .getOrDefault(variant, Map.of())
        .getOrDefault(optionSet, List.of());
  }

  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static String fmt(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  private static String fmt0(double value) {
    return String.format(Locale.ROOT, "%.0f", value);
  }

  private static String line(String format, Object... args) {
    return String.format(Locale.ROOT, format, args) + System.lineSeparator();
  }
}
