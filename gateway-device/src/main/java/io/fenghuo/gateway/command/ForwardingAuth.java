package io.fenghuo.gateway.command;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Authenticates commands forwarded between the gateway instances of one operator: the sender signs
 * {@code <timestamp>\n<body>} with HMAC-SHA256 under the secret the operator's instances share
 * ({@code fenghuo.gateway.command-secret}); the receiver accepts a request only with a valid
 * signature, a timestamp within {@link #WINDOW} of its own clock, and a signature it has not seen
 * within that window (a captured request cannot be replayed). The secret itself never travels.
 *
 * <p>Without a configured secret an instance uses a random one: it then accepts no forwarded
 * command and its own forwards are refused (fail closed), which is harmless for a single instance.
 *
 * <p>Thread-safe.
 */
public final class ForwardingAuth {

  /** Header with the sender's clock, epoch milliseconds. */
  public static final String TIMESTAMP_HEADER = "X-Fenghuo-Timestamp";

  /** Header with the Base64 HMAC-SHA256 of {@code <timestamp>\n<body>}. */
  public static final String SIGNATURE_HEADER = "X-Fenghuo-Signature";

  /** How far the sender's timestamp may be from the receiver's clock. */
  public static final Duration WINDOW = Duration.ofSeconds(60);

  /** Shortest secret accepted (characters). */
  public static final int MIN_SECRET_LENGTH = 16;

  private static final int MAX_REMEMBERED = 100_000;

  /** Why a request was refused; {@link #OK} if it was not. */
  public enum Verdict {
    OK,
    MISSING,
    STALE,
    BAD_SIGNATURE,
    REPLAYED
  }

  private final SecretKeySpec key;
  private final Clock clock;
  private final boolean configured;
  private final LinkedHashMap<String, Long> seen = new LinkedHashMap<>(); // signature → expiry ms

  private ForwardingAuth(byte[] secret, boolean configured, Clock clock) {
    this.key = new SecretKeySpec(secret, "HmacSHA256");
    this.configured = configured;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * @param secret the operator's shared secret, at least {@value #MIN_SECRET_LENGTH} characters;
   *     null or blank for a random one (no forwarding between instances)
   * @throws IllegalArgumentException if the secret is shorter than {@value #MIN_SECRET_LENGTH}
   */
  public static ForwardingAuth of(String secret, Clock clock) {
    if (secret == null || secret.isBlank()) {
      byte[] random = new byte[32];
      new SecureRandom().nextBytes(random);
      return new ForwardingAuth(random, false, clock);
    }
    if (secret.length() < MIN_SECRET_LENGTH) {
      throw new IllegalArgumentException(
          "the command secret must have at least " + MIN_SECRET_LENGTH + " characters");
    }
    return new ForwardingAuth(secret.getBytes(StandardCharsets.UTF_8), true, clock);
  }

  /** False if no secret was configured (a random one is in use). */
  public boolean isConfigured() {
    return configured;
  }

  /** The headers to send with {@code body}: timestamp and signature. */
  public Map<String, String> sign(byte[] body) {
    String timestamp = Long.toString(clock.millis());
    return Map.of(TIMESTAMP_HEADER, timestamp, SIGNATURE_HEADER, signature(timestamp, body));
  }

  /**
   * Checks a received request; an accepted signature is remembered for {@link #WINDOW}.
   *
   * @param timestamp the {@value #TIMESTAMP_HEADER} header, or null
   * @param signature the {@value #SIGNATURE_HEADER} header, or null
   */
  public Verdict verify(String timestamp, String signature, byte[] body) {
    if (timestamp == null || signature == null) {
      return Verdict.MISSING;
    }
    long sent;
    try {
      sent = Long.parseLong(timestamp.strip());
    } catch (NumberFormatException e) {
      return Verdict.BAD_SIGNATURE;
    }
    byte[] expected = signature(timestamp.strip(), body).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, signature.strip().getBytes(StandardCharsets.US_ASCII))) {
      return Verdict.BAD_SIGNATURE;
    }
    long now = clock.millis();
    if (Math.abs(now - sent) > WINDOW.toMillis()) {
      return Verdict.STALE;
    }
    synchronized (seen) {
      for (Iterator<Long> it = seen.values().iterator(); it.hasNext(); ) {
        long expiry = it.next();
        if (expiry > now && seen.size() <= MAX_REMEMBERED) {
          break; // insertion order is (nearly) expiry order
        }
        it.remove();
      }
      if (seen.putIfAbsent(signature.strip(), sent + WINDOW.toMillis()) != null) {
        return Verdict.REPLAYED;
      }
    }
    return Verdict.OK;
  }

  private String signature(String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
      mac.update((byte) '\n');
      mac.update(body);
      return Base64.getEncoder().encodeToString(mac.doFinal());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
