package dev.portcullis.bootstrap.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The authorizer as Lambda runs it: an event in, a response out, or an exception. {@code
 * AuthorizerAdapter::handle} is one. As on API Gateway, an exception whose message is exactly
 * {@code Unauthorized} means 401 and any other means 500.
 */
@FunctionalInterface
public interface AuthorizerFunction {

  /** The error message that API Gateway turns into 401. */
  String UNAUTHORIZED = "Unauthorized";

  void handle(InputStream event, OutputStream response, String requestId) throws IOException;
}
