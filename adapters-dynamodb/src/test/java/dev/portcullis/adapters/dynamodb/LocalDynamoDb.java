package dev.portcullis.adapters.dynamodb;

import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * JUnit 5 extension that gives a test class a real DynamoDB-compatible server for its lifetime: the
 * one {@code AWS_ENDPOINT_URL_DYNAMODB} names, else DynamoDB Local under Docker, else dynalite. It
 * never skips: a server that cannot be had fails the class with the reason.
 */
public final class LocalDynamoDb implements BeforeAllCallback, AfterAllCallback {

  /** The region the tests name; local servers accept any. */
  public static final String REGION = "eu-west-1";

  /** Overrides the DynamoDB Local image, for example to follow a newer release. */
  static final String IMAGE_PROPERTY = "portcullis.dynamodb-local.image";

  private static final String DEFAULT_IMAGE = "amazon/dynamodb-local:2.5.2";
  private static final int CONTAINER_PORT = 8000;

  private final boolean dynaliteOnly;
  private ServerChoice choice;
  private URI endpoint;
  private DynaliteProcess dynalite;
  private GenericContainer<?> container;
  private DynamoDbClient client;
  private DynamoDbClient adminClient;

  private LocalDynamoDb(boolean dynaliteOnly) {
    this.dynaliteOnly = dynaliteOnly;
  }

  /** The server {@link ServerChoice} picks for this machine. */
  public static LocalDynamoDb chosen() {
    return new LocalDynamoDb(false);
  }

  /** Always a dynalite of this class's own, which fault tests may stop, restart and freeze. */
  public static LocalDynamoDb controllable() {
    return new LocalDynamoDb(true);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    choice =
        dynaliteOnly
            ? new ServerChoice.Dynalite()
            : ServerChoice.choose(
                System.getenv(), () -> DockerClientFactory.instance().isDockerAvailable());
    if (choice instanceof ServerChoice.External) {
      endpoint = ((ServerChoice.External) choice).endpoint();
    } else if (choice instanceof ServerChoice.Container) {
      container =
          new GenericContainer<>(System.getProperty(IMAGE_PROPERTY, DEFAULT_IMAGE))
              .withExposedPorts(CONTAINER_PORT)
              .withCommand("-jar", "DynamoDBLocal.jar", "-inMemory", "-sharedDb");
      container.start();
      endpoint =
          URI.create(
              "http://" + container.getHost() + ":" + container.getMappedPort(CONTAINER_PORT));
    } else {
      dynalite = DynaliteProcess.prepare();
      dynalite.start();
      endpoint = dynalite.endpoint();
    }
    client = DynamoDbClientFactory.create(settings("unused-table"), testCredentials());
    adminClient =
        DynamoDbClientFactory.create(
            SessionTableAdmin.settings(settings("unused-table")), testCredentials());
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (client != null) {
      client.close();
    }
    if (adminClient != null) {
      adminClient.close();
    }
    if (dynalite != null) {
      dynalite.destroy();
    }
    if (container != null) {
      container.stop();
    }
  }

  public URI endpoint() {
    return endpoint;
  }

  /** A client with the production settings, pointed at this server; close it when done. */
  public DynamoDbClient newClient(DynamoDbSettings settings) {
    return DynamoDbClientFactory.create(settings, testCredentials());
  }

  /**
   * A client like {@link #newClient} with the default settings, whose every query asks for pages of
   * at most {@code items} items, so that a test sees paging with a handful of rows.
   */
  public DynamoDbClient newClientWithQueryPagesOf(int items) {
    DynamoDbSettings settings = settings("unused-table");
    return DynamoDbClient.builder()
        .region(Region.of(settings.region()))
        .endpointOverride(endpoint)
        .credentialsProvider(testCredentials())
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(o -> o.addExecutionInterceptor(new QueryPages(items)))
        .build();
  }

  /** Sets the page size of every query. */
  private record QueryPages(int items) implements ExecutionInterceptor {
    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
      return context.request() instanceof QueryRequest query
          ? query.toBuilder().limit(items).build()
          : context.request();
    }
  }

  /** A client shared by the class, with the default settings. */
  public DynamoDbClient client() {
    return client;
  }

  /** The default settings for {@code table} on this server. */
  public DynamoDbSettings settings(String table) {
    return TestSettings.from(DynamoDbSettings.defaults(table, REGION))
        .endpointOverride(endpoint)
        .build();
  }

  /** A new session table with a unique name, created and active. */
  public String newTable() {
    String table = "sessions-" + UUID.randomUUID();
    new SessionTableAdmin(adminClient, settings(table)).createTable();
    return table;
  }

  public void stop() {
    requireDynalite("stop").stop();
  }

  public void restart() {
    requireDynalite("restart").start();
  }

  public void freeze() {
    requireDynalite("freeze").freeze();
  }

  public void thaw() {
    requireDynalite("thaw").thaw();
  }

  public static StaticCredentialsProvider testCredentials() {
    return StaticCredentialsProvider.create(
        AwsBasicCredentials.create("portcullis-test", "portcullis-test-secret"));
  }

  private DynaliteProcess requireDynalite(String action) {
    if (dynalite == null) {
      throw new IllegalStateException(
          "cannot " + action + " " + choice + ": only a controllable dynalite can");
    }
    return dynalite;
  }
}
