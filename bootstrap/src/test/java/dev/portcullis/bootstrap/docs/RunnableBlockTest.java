package dev.portcullis.bootstrap.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RunnableBlockTest {

  @Test
  void onlyShellBlocksMarkedRunnableAreTakenWithTheirExitCodeAndPromises() {
    List<String> markdown =
        List.of(
            "# A page",
            "```bash",
            "sam deploy --guided",
            "```",
            "```bash runnable",
            "java -jar portcullis.jar --version",
            "# prints: portcullis",
            "```",
            "```json runnable",
            "{}",
            "```",
            "- a list item:",
            "  ```sh runnable exit=2",
            "  java -jar portcullis.jar check",
            "  # prints: invalid",
            "  ```");

    List<RunnableBlock> blocks = RunnableBlock.parse("page.md", markdown);

    assertThat(blocks)
        .containsExactly(
            new RunnableBlock(
                "page.md",
                5,
                "java -jar portcullis.jar --version\n# prints: portcullis\n",
                0,
                List.of("portcullis")),
            new RunnableBlock(
                "page.md",
                13,
                "java -jar portcullis.jar check\n# prints: invalid\n",
                2,
                List.of("invalid")));
    assertThat(blocks.get(1).where()).isEqualTo("page.md:13");
  }
}
