package dev.portcullis.adapters.dynamodb;

import dev.portcullis.domain.model.Fingerprint;
import dev.portcullis.domain.model.Session;
import dev.portcullis.domain.port.out.BackendUnavailableException;
import dev.portcullis.json.JsonException;
import dev.portcullis.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * Reads one session by fingerprint with a single {@code GetItem} sent over {@link
 * HttpURLConnection}, signed by the SDK's own SigV4 signer: the authorizer's read path.
 *
 * <p>Hand-written on the hot path because it is measured: building a {@code DynamoDbClient} and its
 * first call took 863 + 461 ms of a fresh JVM here, this reader 72 + 236 ms (medians of 10, loaded
 * machine; docs/dynamodb.md, "The Lambda read path"). No lambda and no stream below, for the same
 * reason. It keeps what the client gave the read: the signing ({@link AwsV4HttpSigner}), the
 * credentials provider, {@link DynamoDbSettings}' timeouts and attempts, a jittered exponential
 * back-off on throttling, 5xx and I/O errors, and {@link DynamoDbFailures}' messages. Every failure
 * to answer is a {@link BackendUnavailableException}, never "not found".
 */
final class DynamoDbSessionReader {

  private static final String CONTENT_TYPE = "application/x-amz-json-1.0";
  private static final String GET_ITEM = "DynamoDB_20120810.GetItem";
  private static final String OPERATION = "GetItem";
  private static final long BASE_DELAY_MILLIS = 25;
  private static final long MAX_DELAY_MILLIS = 100;

  /** DynamoDB's item limit is 400 KB; its JSON, with type tags, stays well below this. */
  static final int MAX_RESPONSE_BYTES = 1024 * 1024;

  /** A session item nests four levels deep ({@code Item.attributes.M.key.S}). */
  private static final int MAX_DEPTH = 32;

  private final URI endpoint;
  private final String region;
  private final String tableName;
  private final boolean consistentRead;
  private final long callTimeoutMillis;
  private final long attemptTimeoutMillis;
  private final int maxAttempts;
  private final AwsCredentialsProvider credentials;
  private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
  private final DynamoDbFailures failures;

  DynamoDbSessionReader(
      DynamoDbSettings settings, URI endpoint, AwsCredentialsProvider credentials) {
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    this.region = settings.region();
    this.tableName = settings.tableName();
    this.consistentRead = settings.consistentRead();
    this.callTimeoutMillis = settings.apiCallTimeout().toMillis();
    this.attemptTimeoutMillis = settings.apiCallAttemptTimeout().toMillis();
    this.maxAttempts = settings.maxAttempts();
    this.credentials = Objects.requireNonNull(credentials, "credentials");
    this.failures = new DynamoDbFailures(DynamoDbSessionStore.BACKEND, tableName, region);
  }

  /**
   * The endpoint this reader can reach without the SDK's endpoint rules: the configured override,
   * else DynamoDB's regional endpoint in the {@code aws}, {@code aws-us-gov} and {@code aws-cn}
   * partitions. Null where only the SDK knows (FIPS or dual-stack asked for, other partitions): the
   * store then reads through the SDK client.
   */
  static URI endpoint(DynamoDbSettings settings, Map<String, String> environment) {
    if (settings.endpointOverride().isPresent()) {
      return settings.endpointOverride().get();
    }
    String region = settings.region();
    if (isTrue(environment.get("AWS_USE_FIPS_ENDPOINT"))
        || isTrue(environment.get("AWS_USE_DUALSTACK_ENDPOINT"))
        || isTrue(System.getProperty("aws.useFipsEndpoint"))
        || isTrue(System.getProperty("aws.useDualstackEndpoint"))
        || region.startsWith("us-iso")
        || region.startsWith("eu-iso")
        || region.startsWith("eusc-")
        || region.contains("fips")
        || !isPlainRegion(region)) {
      return null;
    }
    String suffix = region.startsWith("cn-") ? ".amazonaws.com.cn" : ".amazonaws.com";
    return URI.create("https://dynamodb." + region + suffix);
  }

  /**
   * The session stored under {@code fingerprint}, as {@link DynamoDbSessionStore#find} reads it.
   */
  Optional<Session> find(Fingerprint fingerprint) {
    // The key is 64 hex digits and the table name is checked to [a-zA-Z0-9_.-] by the settings:
    // neither needs JSON escaping.
    byte[] body =
        new StringBuilder(160)
            .append("{\"TableName\":\"")
            .append(tableName)
            .append("\",\"Key\":{\"")
            .append(SessionTable.PARTITION_KEY)
            .append("\":{\"S\":\"")
            .append(fingerprint.hex())
            .append("\"}},\"ConsistentRead\":")
            .append(consistentRead)
            .append('}')
            .toString()
            .getBytes(StandardCharsets.UTF_8);
    SessionItem item = getItem(body);
    if (item == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(item.toSession(DynamoDbSessionStore.BACKEND));
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw failures.malformed(OPERATION, e);
    }
  }

  /** Attempts until an answer, a failure that a retry cannot fix, or the end of the budget. */
  private SessionItem getItem(byte[] body) {
    long start = System.nanoTime();
    int attempt = 0;
    while (true) {
      attempt++;
      long left = callTimeoutMillis - elapsedMillis(start);
      long budget = Math.min(attemptTimeoutMillis, left);
      SdkException failure;
      try {
        return attempt(body, budget);
      } catch (SocketTimeoutException e) {
        failure =
            budget < attemptTimeoutMillis
                ? ApiCallTimeoutException.create(callTimeoutMillis)
                : ApiCallAttemptTimeoutException.create(attemptTimeoutMillis);
      } catch (JsonException e) {
        throw failures.translate(
            OPERATION,
            SdkClientException.create("DynamoDB answered with a body that is not its JSON", e));
      } catch (IOException e) {
        failure = SdkClientException.create("Unable to execute HTTP request: " + e.getMessage(), e);
      } catch (AwsServiceException e) {
        if (!isRetryable(e)) {
          throw failures.translate(OPERATION, e);
        }
        failure = e;
      } catch (IllegalArgumentException | IllegalStateException e) {
        throw failures.malformed(OPERATION, e);
      } catch (SdkException e) {
        throw failures.translate(OPERATION, e);
      }
      if (attempt >= maxAttempts) {
        throw failures.translate(OPERATION, failure);
      }
      long delay = ThreadLocalRandom.current().nextLong(backoffCeiling(attempt) + 1);
      if (elapsedMillis(start) + delay >= callTimeoutMillis) {
        throw failures.translate(OPERATION, ApiCallTimeoutException.create(callTimeoutMillis));
      }
      sleep(delay);
    }
  }

  /** One signed POST; the item, null when there is none, or the service's error as thrown. */
  private SessionItem attempt(byte[] body, long budgetMillis) throws IOException {
    if (budgetMillis <= 0) {
      throw new SocketTimeoutException("no time left for another attempt");
    }
    long start = System.nanoTime();
    HttpURLConnection connection = (HttpURLConnection) endpoint.toURL().openConnection();
    boolean done = false;
    try {
      connection.setRequestMethod("POST");
      connection.setDoOutput(true);
      connection.setUseCaches(false);
      connection.setFixedLengthStreamingMode(body.length);
      connection.setConnectTimeout(positive(budgetMillis));
      connection.setReadTimeout(positive(budgetMillis));
      for (Map.Entry<String, List<String>> header : sign(body).entrySet()) {
        // HttpURLConnection writes Host itself, with the same value the signer signed.
        if (!"Host".equalsIgnoreCase(header.getKey())) {
          connection.setRequestProperty(header.getKey(), header.getValue().get(0));
        }
      }
      connection.connect();
      connection.setReadTimeout(positive(budgetMillis - elapsedMillis(start)));
      try (OutputStream out = connection.getOutputStream()) {
        out.write(body);
      }
      int status = connection.getResponseCode();
      SessionItem item;
      if (status == HttpURLConnection.HTTP_OK) {
        try (InputStream in = connection.getInputStream()) {
          item = GetItemJson.item(reader(in));
        }
      } else {
        throw serviceError(connection, status);
      }
      done = true;
      return item;
    } finally {
      if (!done) {
        connection.disconnect();
      }
    }
  }

  /**
   * A reader of a response body of at most {@value #MAX_RESPONSE_BYTES} bytes: an item is at most
   * 400 KB, and nothing else the endpoint sends is read whole.
   */
  private static JsonReader reader(InputStream in) throws IOException {
    byte[] body = in.readNBytes(MAX_RESPONSE_BYTES + 1);
    if (body.length > MAX_RESPONSE_BYTES) {
      throw new IOException("the response is larger than " + MAX_RESPONSE_BYTES + " bytes");
    }
    return JsonReader.of(body, body.length, MAX_DEPTH);
  }

  /** The request headers, signed by the SDK's SigV4 signer with the provider's credentials. */
  private Map<String, List<String>> sign(byte[] body) {
    SdkHttpRequest request =
        SdkHttpRequest.builder()
            .method(SdkHttpMethod.POST)
            .uri(endpoint)
            .putHeader("Content-Type", CONTENT_TYPE)
            .putHeader("X-Amz-Target", GET_ITEM)
            .build();
    AwsCredentialsIdentity identity = credentials.resolveCredentials();
    SignedRequest signed =
        signer.sign(
            SignRequest.builder(identity)
                .request(request)
                .payload(ContentStreamProvider.fromByteArrayUnsafe(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "dynamodb")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .build());
    return signed.request().headers();
  }

  /** The error DynamoDB answered, as the SDK client would have thrown it. */
  private AwsServiceException serviceError(HttpURLConnection connection, int status)
      throws IOException {
    String[] error = {"", ""};
    try (InputStream in = connection.getErrorStream()) {
      if (in != null) {
        try {
          error = GetItemJson.error(reader(in));
        } catch (JsonException notJson) {
          // A proxy's or a load balancer's page: the status alone says what happened.
        }
      }
    }
    String code = error[0].isEmpty() ? "HTTP " + status : error[0];
    String message = error[1].isEmpty() ? code : error[1];
    AwsServiceException.Builder builder;
    if ("ResourceNotFoundException".equals(code)) {
      builder = ResourceNotFoundException.builder();
    } else if ("ProvisionedThroughputExceededException".equals(code)) {
      builder = ProvisionedThroughputExceededException.builder();
    } else if ("RequestLimitExceeded".equals(code)) {
      builder = RequestLimitExceededException.builder();
    } else {
      builder = DynamoDbException.builder();
    }
    return builder
        .statusCode(status)
        .message(message)
        .awsErrorDetails(
            AwsErrorDetails.builder()
                .errorCode(code)
                .errorMessage(message)
                .serviceName("DynamoDb")
                .build())
        .build();
  }

  /** What the SDK's standard retry strategy retries: throttling and server errors. */
  private static boolean isRetryable(AwsServiceException e) {
    return e.isThrottlingException() || e.statusCode() >= 500;
  }

  /** Exponential from 25 ms, capped at 100 ms, as {@link DynamoDbClientFactory} configures. */
  private static long backoffCeiling(int attempt) {
    long ceiling = BASE_DELAY_MILLIS << Math.min(attempt - 1, 10);
    return Math.min(ceiling, MAX_DELAY_MILLIS);
  }

  private void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failures.translate(
          OPERATION, SdkClientException.create("interrupted while waiting to retry", e));
    }
  }

  private static long elapsedMillis(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  /** HttpURLConnection reads 0 as "no timeout": never pass it. */
  private static int positive(long millis) {
    return (int) Math.max(1, Math.min(millis, Integer.MAX_VALUE));
  }

  private static boolean isTrue(String value) {
    return value != null && value.trim().equalsIgnoreCase("true");
  }

  /**
   * {@code xx-name-N}: letters, dashes, a final number; what every commercial region looks like.
   */
  private static boolean isPlainRegion(String region) {
    int lastDash = region.lastIndexOf('-');
    if (lastDash <= 0 || lastDash == region.length() - 1) {
      return false;
    }
    for (int i = 0; i < region.length(); i++) {
      char c = region.charAt(i);
      boolean digitTail = i > lastDash && c >= '0' && c <= '9';
      boolean head = i <= lastDash && ((c >= 'a' && c <= 'z') || c == '-');
      if (!digitTail && !head) {
        return false;
      }
    }
    return true;
  }
}
