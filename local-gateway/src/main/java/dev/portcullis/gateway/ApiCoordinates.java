package dev.portcullis.gateway;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where the local gateway pretends to run: the API, stage, account and region that its ARNs and
 * events name. The defaults are the demo world's.
 */
public record ApiCoordinates(String apiId, String stage, String account, String region) {

  private static final Pattern API_ID = Pattern.compile("[a-zA-Z0-9]{1,32}");
  private static final Pattern STAGE = Pattern.compile("[a-zA-Z0-9_$-]{1,128}");
  private static final Pattern ACCOUNT = Pattern.compile("[0-9]{12}");
  private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]{1,12}){1,3}-[0-9]{1,2}");

  /** The demo world of docs/examples. */
  public static final ApiCoordinates DEMO =
      new ApiCoordinates("abcdef1234", "prod", "123456789012", "us-east-1");

  public ApiCoordinates {
    check(apiId, API_ID, "api-id", "1 to 32 letters and digits, e.g. abcdef1234");
    check(stage, STAGE, "stage", "1 to 128 of A-Z a-z 0-9 _ - $, e.g. prod");
    check(account, ACCOUNT, "account", "12 digits, e.g. 123456789012");
    check(region, REGION, "region", "an AWS region such as us-east-1");
  }

  private static void check(String value, Pattern pattern, String option, String expected) {
    Objects.requireNonNull(value, option);
    if (!pattern.matcher(value).matches()) {
      throw new IllegalArgumentException("--" + option + " '" + value + "' is not " + expected);
    }
  }

  /** {@code arn:aws:execute-api:REGION:ACCOUNT:API/STAGE/}. */
  public String stageArnPrefix() {
    return "arn:aws:execute-api:" + region + ":" + account + ":" + apiId + "/" + stage + "/";
  }

  /** The ARN of an HTTP route: {@code …/STAGE/METHOD/path}; {@code path} starts with a slash. */
  public String routeArn(String method, String path) {
    return stageArnPrefix() + method + path;
  }

  /** The ARN of a WebSocket route, such as {@code …/STAGE/$connect}. */
  public String routeKeyArn(String routeKey) {
    return stageArnPrefix() + routeKey;
  }

  /** The execute-api host name of the API, as API Gateway puts it in events. */
  public String domainName() {
    return apiId + ".execute-api." + region + ".amazonaws.com";
  }

  /**
   * The path as called on the execute-api host: the stage, then the path ({@code $default} adds
   * none).
   */
  public String stagePath(String path) {
    return stage.equals("$default") ? path : "/" + stage + path;
  }
}
