package io.fenghuo.gateway.command;

/**
 * Where and how an instance takes commands forwarded by the operator's other instances.
 *
 * @param port port of the internal endpoint; 0 = any free port
 * @param bindHost interface to listen on (e.g. the internal network's address), or null for all
 * @param advertisedHost how the other instances reach this one; not null
 * @param secret the secret the operator's instances share to sign forwards ({@link
 *     ForwardingAuth}), at least {@value ForwardingAuth#MIN_SECRET_LENGTH} characters; null = a
 *     random one (this instance neither accepts forwards nor gets its own accepted)
 */
public record CommandEndpoint(int port, String bindHost, String advertisedHost, String secret) {

  public CommandEndpoint {
    java.util.Objects.requireNonNull(advertisedHost, "advertisedHost");
    if (secret != null && !secret.isBlank() && secret.length() < ForwardingAuth.MIN_SECRET_LENGTH) {
      throw new IllegalArgumentException(
          "fenghuo.gateway.command-secret must have at least "
              + ForwardingAuth.MIN_SECRET_LENGTH
              + " characters");
    }
  }

  /** Never shows the secret. */
  @Override
  public String toString() {
    return "CommandEndpoint[port="
        + port
        + ", bindHost="
        + bindHost
        + ", advertisedHost="
        + advertisedHost
        + ", secret="
        + (secret == null || secret.isBlank() ? "none" : "***")
        + "]";
  }
}
