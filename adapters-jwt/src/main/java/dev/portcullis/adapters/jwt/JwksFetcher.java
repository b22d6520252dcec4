package dev.portcullis.adapters.jwt;

import java.io.IOException;
import java.net.URI;

/** Reads the JWKS document of one configured issuer; only ever given configured URLs. */
interface JwksFetcher {

  /**
   * The document's text.
   *
   * @throws IOException when the endpoint cannot be reached, times out or answers other than 200
   */
  String fetch(URI jwksUrl) throws IOException;
}
