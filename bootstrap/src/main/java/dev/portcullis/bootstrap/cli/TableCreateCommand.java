package dev.portcullis.bootstrap.cli;

import dev.portcullis.adapters.dynamodb.DynamoDbClientFactory;
import dev.portcullis.adapters.dynamodb.DynamoDbSettings;
import dev.portcullis.adapters.dynamodb.SessionTableAdmin;
import dev.portcullis.bootstrap.config.ConfigurationException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javax.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** {@code table create}: creates the sessions table, or leaves an existing one as it is. */
@Command(
    name = "create",
    mixinStandardHelpOptions = true,
    versionProvider = ManifestVersion.class,
    header = "Create the sessions table.",
    description = {
      "Creates the sessions table named by PORTCULLIS_TABLE in AWS_REGION (or at"
          + " AWS_ENDPOINT_URL_DYNAMODB), with its key, its principal index and the TTL on"
          + " expiresAt, then waits until it is active. A table that already exists is left as it"
          + " is. Needs PORTCULLIS_BACKENDS to name dynamodb. In AWS, the SAM template creates the"
          + " table.",
      "",
      "Against a local server (docs/dynamodb.md, \"Run it locally\"), without AWS credentials,"
          + " dummy credentials are used and a line on standard error says so."
    },
    footer = {
      "",
      "Example, against a local DynamoDB-compatible server:",
      "  PORTCULLIS_BACKENDS=dynamodb PORTCULLIS_TABLE=portcullis-sessions AWS_REGION=us-east-1 \\",
      "  AWS_ENDPOINT_URL_DYNAMODB=http://127.0.0.1:8000 PORTCULLIS_RULES=file:docs/examples/rules.json \\",
      "  java -jar bootstrap/target/portcullis.jar table create"
    })
public final class TableCreateCommand implements Callable<Integer> {

  @Mixin CommonOptions common;

  private final Terminal terminal;

  @Inject
  TableCreateCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() {
    Environment env = common.environment(terminal);
    DynamoDbSettings settings =
        SessionStoreAccess.strictConfiguration(env)
            .dynamoDb()
            .orElseThrow(
                () ->
                    new ConfigurationException(
                        List.of(
                            "PORTCULLIS_BACKENDS does not name dynamodb, so there is no table to"
                                + " create: "
                                + SessionStoreAccess.DYNAMODB_FIX)));
    DynamoDbSettings admin = SessionTableAdmin.settings(settings);
    Consumer<String> notices = terminal.err()::println;
    try (DynamoDbClient client = DynamoDbClientFactory.create(admin, notices)) {
      terminal.out().println(new SessionTableAdmin(client, admin).createTable().summary());
    }
    return Main.DONE;
  }
}
