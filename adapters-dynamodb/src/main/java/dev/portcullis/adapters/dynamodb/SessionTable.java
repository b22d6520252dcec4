package dev.portcullis.adapters.dynamodb;

/**
 * The session table's names: a contract with the SAM template, the CLI's {@code table create} and
 * any tool that reads the table. Change one only together with all of them.
 */
public final class SessionTable {

  /** Partition key: the credential's SHA-256 fingerprint, 64 lower-case hex characters. */
  public static final String PARTITION_KEY = "pk";

  /** The principal the session belongs to; the partition key of {@link #BY_PRINCIPAL_INDEX}. */
  public static final String PRINCIPAL_ID = "principalId";

  /** The identity's roles: a list of strings. */
  public static final String ROLES = "roles";

  /** The identity's attributes: a map of strings. */
  public static final String ATTRIBUTES = "attributes";

  /** The API key that usage plans meter the identity by; absent when it has none. */
  public static final String API_KEY = "apiKey";

  /** The name of the backend that issued the session, as its identity reports it. */
  public static final String BACKEND = "backend";

  /** When the session was issued: a number of epoch seconds. */
  public static final String ISSUED_AT = "issuedAt";

  /**
   * When the session expires: a number of epoch seconds, the sort key of {@link
   * #BY_PRINCIPAL_INDEX} and the table's TTL attribute.
   */
  public static final String EXPIRES_AT = "expiresAt";

  /** When the session was revoked: a number of epoch seconds; absent while it is not. */
  public static final String REVOKED_AT = "revokedAt";

  /** Global secondary index on ({@link #PRINCIPAL_ID}, {@link #EXPIRES_AT}), projecting all. */
  public static final String BY_PRINCIPAL_INDEX = "byPrincipal";

  /** The attribute DynamoDB's time to live reads: {@link #EXPIRES_AT}. */
  public static final String TTL_ATTRIBUTE = EXPIRES_AT;

  private SessionTable() {}
}
