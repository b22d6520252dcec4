package dev.portcullis.gateway;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The Lambda {@link Context} the gateway hands the authorizer with each event: the gateway's
 * request id as the AWS request id, and a logger that writes to the gateway's log. The rest
 * describes a function named {@value #FUNCTION_NAME} in the API's account and region, with the
 * JVM's heap as its memory and no deadline: the gateway runs the authorizer in its own process, not
 * under Lambda (docs/local-gateway.md, "What differs from real API Gateway").
 */
record LambdaContext(String awsRequestId, ApiCoordinates api, PrintStream log) implements Context {

  /** The name the authorizer's function goes by. */
  static final String FUNCTION_NAME = "authorizer";

  @Override
  public String getAwsRequestId() {
    return awsRequestId;
  }

  @Override
  public String getLogGroupName() {
    return "/aws/lambda/" + FUNCTION_NAME;
  }

  @Override
  public String getLogStreamName() {
    return "local";
  }

  @Override
  public String getFunctionName() {
    return FUNCTION_NAME;
  }

  @Override
  public String getFunctionVersion() {
    return "$LATEST";
  }

  @Override
  public String getInvokedFunctionArn() {
    return "arn:aws:lambda:" + api.region() + ":" + api.account() + ":function:" + FUNCTION_NAME;
  }

  /** None: Lambda sets it only for calls made through the AWS Mobile SDK. */
  @Override
  public CognitoIdentity getIdentity() {
    return null;
  }

  /** None: Lambda sets it only for calls made through the AWS Mobile SDK. */
  @Override
  public ClientContext getClientContext() {
    return null;
  }

  /** No deadline: the gateway does not model the authorizer's timeout. */
  @Override
  public int getRemainingTimeInMillis() {
    return Integer.MAX_VALUE;
  }

  @Override
  public int getMemoryLimitInMB() {
    return (int) Math.min(Integer.MAX_VALUE, Runtime.getRuntime().maxMemory() / (1024 * 1024));
  }

  @Override
  public LambdaLogger getLogger() {
    return new LambdaLogger() {
      @Override
      public void log(String message) {
        log.println(message);
      }

      @Override
      public void log(byte[] message) {
        log.println(new String(message, StandardCharsets.UTF_8));
      }
    };
  }
}
