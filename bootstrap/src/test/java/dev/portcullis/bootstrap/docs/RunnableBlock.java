package dev.portcullis.bootstrap.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A shell block of the documentation that its author marked as runnable: a fence whose info string
 * is {@code bash runnable} (or {@code sh runnable}), optionally with {@code exit=N} for the exit
 * code it ends with (0 otherwise). Each {@code # prints: TEXT} line in it is a promise that the
 * block's output holds that text.
 *
 * @param file the Markdown file, relative to the repository root
 * @param line the line of the opening fence, from 1
 */
record RunnableBlock(String file, int line, String script, int exitCode, List<String> prints) {

  private static final Pattern FENCE = Pattern.compile("^(\\s*)```(\\S*)(.*)$");
  private static final Pattern EXIT = Pattern.compile("\\bexit=(\\d+)\\b");
  private static final Pattern PRINTS = Pattern.compile("^\\s*# prints: (.+)$");

  /** Where the block is, as an editor opens it. */
  String where() {
    return file + ":" + line;
  }

  /** The runnable blocks of one file, in order. */
  static List<RunnableBlock> in(Path root, String file) {
    try {
      return parse(file, Files.readAllLines(root.resolve(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<RunnableBlock> parse(String file, List<String> lines) {
    List<RunnableBlock> blocks = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher fence = FENCE.matcher(lines.get(i));
      if (!fence.matches()) {
        continue;
      }
      int start = i;
      String indent = fence.group(1);
      StringBuilder script = new StringBuilder();
      List<String> prints = new ArrayList<>();
      for (i++; i < lines.size() && !lines.get(i).strip().startsWith("```"); i++) {
        String line =
            lines.get(i).startsWith(indent)
                ? lines.get(i).substring(indent.length())
                : lines.get(i);
        script.append(line).append('\n');
        Matcher promise = PRINTS.matcher(line);
        if (promise.matches()) {
          prints.add(promise.group(1));
        }
      }
      boolean shell = fence.group(2).equals("bash") || fence.group(2).equals("sh");
      String attributes = fence.group(3);
      if (shell && List.of(attributes.trim().split("\\s+")).contains("runnable")) {
        Matcher exit = EXIT.matcher(attributes);
        blocks.add(
            new RunnableBlock(
                file,
                start + 1,
                script.toString(),
                exit.find() ? Integer.parseInt(exit.group(1)) : 0,
                List.copyOf(prints)));
      }
    }
    return blocks;
  }
}
