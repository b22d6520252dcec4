package dev.portcullis.adapters.jwt;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.text.ParseException;
import javax.net.ssl.SSLException;

/**
 * Sums up why a JWKS could not be had, in one line for an error message and the decision log: the
 * class of the cause and the document's URL, as in {@code ConnectionRefused: JWKS
 * https://idp.example.com/.well-known/jwks.json}. Only configured URLs are named, without their
 * query or user info, and never a library's own text.
 */
final class JwksFailures {

  private JwksFailures() {}

  /**
   * The summary of {@code failure} (null when no fetch has failed yet) of the JWKS at {@code url}.
   */
  static String summarize(Throwable failure, URI url) {
    return causeClass(failure) + ": JWKS " + shown(url);
  }

  private static String causeClass(Throwable failure) {
    if (failure == null) {
      return "Unavailable";
    }
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof JwksFetchException fetch) {
        return fetch.causeClass();
      }
      if (t instanceof ConnectException) {
        return "ConnectionRefused";
      }
      if (t instanceof UnknownHostException) {
        return "UnknownHost";
      }
      if (t instanceof NoRouteToHostException) {
        return "NoRouteToHost";
      }
      if (t instanceof InterruptedIOException) {
        return "Timeout";
      }
      if (t instanceof SSLException) {
        return "TlsFailure";
      }
      if (t instanceof ParseException) {
        return "MalformedJwks";
      }
    }
    return failure instanceof IOException
        ? "Unreachable"
        : "Failed (" + failure.getClass().getSimpleName() + ")";
  }

  /** The URL without user info, query or fragment. */
  private static String shown(URI url) {
    StringBuilder shown = new StringBuilder();
    if (url.getScheme() != null) {
      shown.append(url.getScheme()).append("://");
    }
    if (url.getHost() != null) {
      shown.append(url.getHost());
      if (url.getPort() >= 0) {
        shown.append(':').append(url.getPort());
      }
    }
    if (url.getRawPath() != null) {
      shown.append(url.getRawPath());
    }
    return shown.toString();
  }
}
