package dev.portcullis.bootstrap.cli;

import dev.portcullis.adapters.dynamodb.DynamoDbClientFactory;
import dev.portcullis.adapters.dynamodb.DynamoDbSettings;
import dev.portcullis.adapters.dynamodb.SessionTableAdmin;
import dev.portcullis.bootstrap.config.Configuration;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** {@code table create}: creates the DynamoDB sessions table for local use. */
final class TableCommand implements Command {

  @Override
  public String name() {
    return "table";
  }

  @Override
  public String summary() {
    return "Create the DynamoDB sessions table (for local use; in AWS the template does it)";
  }

  @Override
  public String help() {
    return """
        Usage: java -jar portcullis.jar table create

        Creates the sessions table named by PORTCULLIS_TABLE in AWS_REGION (or at
        AWS_ENDPOINT_URL_DYNAMODB), with its key, its principal index and the TTL on expiresAt,
        then waits until it is active. A table that already exists is left as it is.
        Needs PORTCULLIS_BACKENDS to include dynamodb. In AWS, the SAM template creates the table.

        Example, against a local DynamoDB-compatible server:
          PORTCULLIS_BACKENDS=dynamodb PORTCULLIS_TABLE=portcullis-sessions AWS_REGION=us-east-1 \\
          AWS_ENDPOINT_URL_DYNAMODB=http://127.0.0.1:8000 PORTCULLIS_RULES=file:docs/examples/rules.json \\
          java -jar bootstrap/target/portcullis.jar table create
        """;
  }

  @Override
  public int run(List<String> args, Terminal terminal) {
    if (!args.equals(List.of("create"))) {
      throw new UsageException("expected 'table create'");
    }
    Configuration configuration = Configuration.fromEnvironment(terminal.env());
    DynamoDbSettings settings =
        configuration
            .dynamoDb()
            .orElseThrow(
                () ->
                    new UsageException(
                        "PORTCULLIS_BACKENDS does not name dynamodb: there is no table to create"));
    try (DynamoDbClient client =
        DynamoDbClientFactory.create(SessionTableAdmin.settings(settings))) {
      SessionTableAdmin.TableSetup setup = new SessionTableAdmin(client, settings).createTable();
      terminal.out().println(setup.summary());
    }
    return 0;
  }
}
