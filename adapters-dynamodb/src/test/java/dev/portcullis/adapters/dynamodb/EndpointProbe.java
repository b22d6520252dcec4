package dev.portcullis.adapters.dynamodb;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Run in a child JVM by {@link EndpointFromEnvironmentIT}: builds the client exactly as Lambda
 * would, with no endpoint override and every setting from the environment, and reads one table.
 */
public final class EndpointProbe {

  private EndpointProbe() {}

  public static void main(String[] args) {
    DynamoDbSettings settings = DynamoDbSettings.defaults(args[0], System.getenv("AWS_REGION"));
    try (DynamoDbClient client = DynamoDbClientFactory.create(settings)) {
      String status = client.describeTable(r -> r.tableName(args[0])).table().tableStatusAsString();
      System.out.println("table " + args[0] + " is " + status);
    }
  }
}
