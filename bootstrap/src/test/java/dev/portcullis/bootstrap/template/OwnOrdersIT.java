package dev.portcullis.bootstrap.template;

import static dev.portcullis.bootstrap.template.Template.at;
import static dev.portcullis.bootstrap.template.Template.list;
import static dev.portcullis.bootstrap.template.Template.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.adapters.dynamodb.LocalDynamoDb;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;

/**
 * The template's {@code GET /me/orders} mapping templates, rendered by Apache Velocity (the engine
 * of API Gateway's mapping templates) with the authorizer's principal, against a real
 * DynamoDB-compatible server: every caller reads their own orders and nobody else's, whatever
 * characters their principal id holds.
 */
class OwnOrdersIT {

  @RegisterExtension static final LocalDynamoDb DYNAMODB = LocalDynamoDb.chosen();

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TRICKY = "o'brien\"}, {\"S\": \"alice\\";
  private static final Map<String, Object> INTEGRATION =
      map(
          at(
              Template.repository().properties("RestApi"),
              "DefinitionBody",
              "paths",
              "/me/orders",
              "get",
              "x-amazon-apigateway-integration"));

  private static String table;

  @BeforeAll
  static void ordersOfThreeCallers() {
    table = "orders-" + UUID.randomUUID();
    Map<String, Object> orders = Template.repository().properties("OrdersTable");
    DYNAMODB
        .client()
        .createTable(
            create ->
                create
                    .tableName(table)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(
                        list(orders.get("AttributeDefinitions")).stream()
                            .map(d -> map(d))
                            .map(
                                d ->
                                    AttributeDefinition.builder()
                                        .attributeName(String.valueOf(d.get("AttributeName")))
                                        .attributeType(String.valueOf(d.get("AttributeType")))
                                        .build())
                            .toList())
                    .keySchema(
                        list(orders.get("KeySchema")).stream()
                            .map(k -> map(k))
                            .map(
                                k ->
                                    KeySchemaElement.builder()
                                        .attributeName(String.valueOf(k.get("AttributeName")))
                                        .keyType(String.valueOf(k.get("KeyType")))
                                        .build())
                            .toList()));
    put("alice", "o-1", "42");
    put("alice", "o-2", "5");
    put("bob", "o-3", "7");
    put(TRICKY, "o-4", "1");
  }

  @Test
  void each_caller_reads_their_own_orders_only() throws Exception {
    assertThat(ordersOf("alice")).containsExactly("o-1:42", "o-2:5");
    assertThat(ordersOf("bob")).containsExactly("o-3:7");
    assertThat(ordersOf("carol")).isEmpty();
  }

  @Test
  void a_principal_made_of_quotes_and_backslashes_stays_inside_its_json_string() throws Exception {
    assertThat(ordersOf(TRICKY)).containsExactly("o-4:1");
  }

  /** What the route answers the caller with this principal: "orderId:total" per order. */
  private static List<String> ordersOf(String principalId) throws Exception {
    VelocityContext context = new VelocityContext();
    context.put(
        "context", Map.of("authorizer", Map.of("principalId", principalId), "requestId", "r-1"));
    context.put("util", new MappingUtil());
    String requestTemplate =
        String.valueOf(map(at(INTEGRATION, "requestTemplates", "application/json")).get("Fn::Sub"))
            .replace("${OrdersTable}", table);
    String request = render(requestTemplate, context);
    JSON.readTree(request); // the request is JSON, whatever the principal held

    String dynamoDbAnswer = query(request);

    context.put("input", new MappingInput(dynamoDbAnswer));
    String responseTemplate =
        String.valueOf(
            at(INTEGRATION, "responses", "default", "responseTemplates", "application/json"));
    JsonNode answer = JSON.readTree(render(responseTemplate, context));
    List<String> orders = new ArrayList<>();
    answer
        .get("orders")
        .forEach(o -> orders.add(o.get("orderId").asText() + ":" + o.get("total").asText()));
    return orders;
  }

  private static String render(String template, VelocityContext context) {
    VelocityEngine engine = new VelocityEngine();
    engine.init();
    StringWriter out = new StringWriter();
    engine.evaluate(context, out, "mapping-template", template);
    return out.toString();
  }

  /**
   * Sends the rendered request to the server as API Gateway's integration would: a signed Query.
   */
  private static String query(String body) throws Exception {
    URI endpoint = DYNAMODB.endpoint();
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    SdkHttpRequest unsigned =
        SdkHttpRequest.builder()
            .method(SdkHttpMethod.POST)
            .uri(endpoint)
            .putHeader("Content-Type", "application/x-amz-json-1.0")
            .putHeader("X-Amz-Target", "DynamoDB_20120810.Query")
            .build();
    SignedRequest signed =
        AwsV4HttpSigner.create()
            .sign(
                r ->
                    r.identity(LocalDynamoDb.testCredentials().resolveCredentials())
                        .request(unsigned)
                        .payload(() -> new java.io.ByteArrayInputStream(bytes))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "dynamodb")
                        .putProperty(AwsV4HttpSigner.REGION_NAME, LocalDynamoDb.REGION));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint).POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
    signed
        .request()
        .headers()
        .forEach(
            (name, values) -> {
              if (!name.equalsIgnoreCase("Host") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(value -> request.header(name, value));
              }
            });
    HttpResponse<String> response =
        HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }

  private static void put(String principalId, String orderId, String total) {
    DYNAMODB
        .client()
        .putItem(
            put ->
                put.tableName(table)
                    .item(
                        Map.of(
                            "principalId", AttributeValue.fromS(principalId),
                            "orderId", AttributeValue.fromS(orderId),
                            "total", AttributeValue.fromN(total))));
  }

  /** API Gateway's {@code $util}, as far as the template uses it. */
  public static final class MappingUtil {
    /**
     * JavaScript string escaping as API Gateway documents it: quotes, backslash and slash
     * backslashed, control and non-ASCII characters as escapes.
     */
    public String escapeJavaScript(String text) {
      StringBuilder out = new StringBuilder();
      for (char c : text.toCharArray()) {
        switch (c) {
          case '\'' -> out.append("\\'");
          case '"' -> out.append("\\\"");
          case '\\' -> out.append("\\\\");
          case '/' -> out.append("\\/");
          case '\n' -> out.append("\\n");
          case '\r' -> out.append("\\r");
          case '\t' -> out.append("\\t");
          case '\b' -> out.append("\\b");
          case '\f' -> out.append("\\f");
          default -> {
            if (c < 0x20 || c > 0x7e) {
              out.append(String.format("\\u%04X", (int) c));
            } else {
              out.append(c);
            }
          }
        }
      }
      return out.toString();
    }
  }

  /** API Gateway's {@code $input}, as far as the template uses it: {@code path('$.NAME')}. */
  public static final class MappingInput {
    private final JsonNode body;

    MappingInput(String body) throws Exception {
      this.body = JSON.readTree(body);
    }

    public Object path(String expression) {
      if (!expression.startsWith("$.")) {
        throw new IllegalArgumentException("only $.NAME is modelled: " + expression);
      }
      return JSON.convertValue(body.get(expression.substring(2)), Object.class);
    }
  }
}
