package dev.portcullis.benchmarks.coldstart;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.portcullis.adapters.dynamodb.DynamoDbClientFactory;
import dev.portcullis.adapters.dynamodb.DynamoDbSettings;
import dev.portcullis.adapters.dynamodb.SessionTable;
import dev.portcullis.bootstrap.config.Configuration;
import dev.portcullis.domain.model.Credential;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.endpoints.Endpoint;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * Cold-path experiments on the DynamoDB read, each against the harness's dynalite: the SDK's
 * low-level client without the Enhanced Client, the same with a fixed endpoint instead of the
 * endpoint rules engine, and a GetItem with no SDK at all (SigV4 by hand over {@code
 * HttpURLConnection}, the response read with jackson-core): the floor an SDK-free store would
 * reach. Experiments only: none of this is a proposal to copy as it is.
 */
final class DynamoDbExperiments {

  private DynamoDbExperiments() {}

  /** Low-level {@code GetItem}, optionally with a fixed endpoint provider. */
  static void lowLevel(ColdPathExperiment timer, String token, boolean fixedEndpoint) {
    Credential credential = credential(token);
    DynamoDbSettings settings = Configuration.fromEnvironment(System.getenv()).dynamoDb().get();
    timer.step("configuration");
    DynamoDbClient client;
    if (fixedEndpoint) {
      URI endpoint = settings.endpointOverride().orElseThrow();
      client =
          DynamoDbClient.builder()
              .region(Region.of(settings.region()))
              .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
              .httpClient(UrlConnectionHttpClient.builder().build())
              .overrideConfiguration(
                  o ->
                      o.apiCallTimeout(settings.apiCallTimeout())
                          .apiCallAttemptTimeout(settings.apiCallAttemptTimeout())
                          .retryStrategy(RetryMode.STANDARD))
              .endpointProvider(
                  params ->
                      CompletableFuture.completedFuture(Endpoint.builder().url(endpoint).build()))
              .build();
    } else {
      client =
          DynamoDbClientFactory.create(settings, EnvironmentVariableCredentialsProvider.create());
    }
    timer.step("client-build");
    String hex = credential.fingerprint().hex();
    GetItemRequest request =
        GetItemRequest.builder()
            .tableName(settings.tableName())
            .key(Map.of(SessionTable.PARTITION_KEY, AttributeValue.fromS(hex)))
            .consistentRead(true)
            .build();
    GetItemResponse response = client.getItem(request);
    timer.step("first-getitem");
    client.getItem(request);
    timer.step("second-getitem");
    if (!response.hasItem()) {
      System.err.println("the session was not found");
      System.exit(3);
    }
  }

  /** A signed {@code GetItem} with the JDK alone. */
  static void withoutSdk(ColdPathExperiment timer, String token) throws Exception {
    Credential credential = credential(token);
    Map<String, String> env = System.getenv();
    DynamoDbSettings settings = Configuration.fromEnvironment(env).dynamoDb().get();
    timer.step("configuration");
    String hex = credential.fingerprint().hex();
    SigV4 signer =
        new SigV4(
            env.get("AWS_ACCESS_KEY_ID"), env.get("AWS_SECRET_ACCESS_KEY"), settings.region());
    JsonFactory json = new JsonFactory();
    timer.step("signer-and-json");
    URI endpoint = settings.endpointOverride().orElseThrow();
    byte[] body =
        new StringBuilder(160)
            .append("{\"TableName\":\"")
            .append(settings.tableName())
            .append("\",\"Key\":{\"")
            .append(SessionTable.PARTITION_KEY)
            .append("\":{\"S\":\"")
            .append(hex)
            .append("\"}},\"ConsistentRead\":true}")
            .toString()
            .getBytes(StandardCharsets.UTF_8);
    int fields = getItem(endpoint, signer, json, body);
    timer.step("first-getitem");
    getItem(endpoint, signer, json, body);
    timer.step("second-getitem");
    if (fields == 0) {
      System.err.println("the session was not found");
      System.exit(3);
    }
  }

  private static int getItem(URI endpoint, SigV4 signer, JsonFactory json, byte[] body)
      throws IOException, GeneralSecurityException {
    HttpURLConnection connection = (HttpURLConnection) endpoint.toURL().openConnection();
    connection.setRequestMethod("POST");
    connection.setDoOutput(true);
    connection.setConnectTimeout(5000);
    connection.setReadTimeout(5000);
    String host = endpoint.getPort() < 0 ? endpoint.getHost() : endpoint.getAuthority();
    String target = "DynamoDB_20120810.GetItem";
    String contentType = "application/x-amz-json-1.0";
    String[] signed = signer.sign(host, contentType, target, body);
    connection.setRequestProperty("Content-Type", contentType);
    connection.setRequestProperty("X-Amz-Target", target);
    connection.setRequestProperty("X-Amz-Date", signed[0]);
    connection.setRequestProperty("Authorization", signed[1]);
    try (OutputStream out = connection.getOutputStream()) {
      out.write(body);
    }
    if (connection.getResponseCode() != 200) {
      throw new IOException("GetItem answered " + connection.getResponseCode());
    }
    int fields = 0;
    try (InputStream in = connection.getInputStream();
        JsonParser parser = json.createParser(in)) {
      while (parser.nextToken() != null) {
        if (parser.currentToken() == JsonToken.FIELD_NAME) {
          fields++;
        }
      }
    }
    return fields;
  }

  private static Credential credential(String token) {
    if (token == null) {
      System.err.println("this experiment needs the token of an issued session");
      System.exit(2);
    }
    return Credential.parse(token).orElseThrow();
  }

  /** AWS Signature Version 4 for one POST to DynamoDB's JSON API. */
  private static final class SigV4 {
    private static final String SIGNED_HEADERS = "content-type;host;x-amz-date;x-amz-target";
    private final String accessKey;
    private final String secretKey;
    private final String region;

    SigV4(String accessKey, String secretKey, String region) {
      this.accessKey = accessKey;
      this.secretKey = secretKey;
      this.region = region;
    }

    /** The {@code X-Amz-Date} value and the {@code Authorization} header. */
    String[] sign(String host, String contentType, String target, byte[] body)
        throws GeneralSecurityException {
      LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
      String date =
          new StringBuilder(8)
              .append(now.getYear())
              .append(two(now.getMonthValue()))
              .append(two(now.getDayOfMonth()))
              .toString();
      String amzDate =
          new StringBuilder(16)
              .append(date)
              .append('T')
              .append(two(now.getHour()))
              .append(two(now.getMinute()))
              .append(two(now.getSecond()))
              .append('Z')
              .toString();
      String canonical =
          new StringBuilder(256)
              .append("POST\n/\n\n")
              .append("content-type:")
              .append(contentType)
              .append("\nhost:")
              .append(host)
              .append("\nx-amz-date:")
              .append(amzDate)
              .append("\nx-amz-target:")
              .append(target)
              .append("\n\n")
              .append(SIGNED_HEADERS)
              .append('\n')
              .append(hex(sha256(body)))
              .toString();
      String scope =
          new StringBuilder(64)
              .append(date)
              .append('/')
              .append(region)
              .append("/dynamodb/aws4_request")
              .toString();
      String toSign =
          new StringBuilder(256)
              .append("AWS4-HMAC-SHA256\n")
              .append(amzDate)
              .append('\n')
              .append(scope)
              .append('\n')
              .append(hex(sha256(canonical.getBytes(StandardCharsets.UTF_8))))
              .toString();
      byte[] key =
          hmac(
              new StringBuilder("AWS4")
                  .append(secretKey)
                  .toString()
                  .getBytes(StandardCharsets.UTF_8),
              date);
      key = hmac(key, region);
      key = hmac(key, "dynamodb");
      key = hmac(key, "aws4_request");
      String signature = hex(hmac(key, toSign));
      String authorization =
          new StringBuilder(256)
              .append("AWS4-HMAC-SHA256 Credential=")
              .append(accessKey)
              .append('/')
              .append(scope)
              .append(", SignedHeaders=")
              .append(SIGNED_HEADERS)
              .append(", Signature=")
              .append(signature)
              .toString();
      return new String[] {amzDate, authorization};
    }

    private static String two(int value) {
      return new String(new char[] {(char) ('0' + value / 10), (char) ('0' + value % 10)});
    }

    private static byte[] sha256(byte[] data) throws GeneralSecurityException {
      return MessageDigest.getInstance("SHA-256").digest(data);
    }

    private static byte[] hmac(byte[] key, String data) throws GeneralSecurityException {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    private static String hex(byte[] bytes) {
      char[] digits = "0123456789abcdef".toCharArray();
      char[] out = new char[bytes.length * 2];
      for (int i = 0; i < bytes.length; i++) {
        out[2 * i] = digits[(bytes[i] >> 4) & 0xf];
        out[2 * i + 1] = digits[bytes[i] & 0xf];
      }
      return new String(out);
    }
  }
}
