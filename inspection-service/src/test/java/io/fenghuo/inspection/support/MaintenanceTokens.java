package io.fenghuo.inspection.support;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.fenghuo.testkit.Tokens;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

/**
 * Real access tokens of a maintenance company's staff (ADR 0002: role {@code maintenance} with the
 * {@code maintenance_company} claim), signed with testkit's test key like {@link Tokens}, which has
 * no such claim.
 */
public final class MaintenanceTokens {

  private static final PrivateKey KEY = load();

  private MaintenanceTokens() {}

  /** A maintenance worker of the company. */
  public static String of(String company) {
    return sign(company);
  }

  /** A maintenance token without the company claim (the service must refuse it). */
  public static String withoutCompany() {
    return sign(null);
  }

  private static String sign(String company) {
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .subject("maint-1")
            .issuer("https://auth.fenghuo.test")
            .issueTime(new Date())
            .expirationTime(Date.from(Instant.now().plusSeconds(600)))
            .claim("roles", List.of("maintenance"));
    if (company != null) {
      claims.claim("maintenance_company", company);
    }
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(),
              claims.build());
      jwt.sign(new RSASSASigner(KEY));
      return jwt.serialize();
    } catch (Exception e) {
      throw new IllegalStateException("cannot sign a test token", e);
    }
  }

  private static PrivateKey load() {
    try (InputStream in = Tokens.class.getResourceAsStream("/jwt/test-private.pem")) {
      String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
      String base64 =
          pem.replace("-----BEGIN PRIVATE KEY-----", "")
              .replace("-----END PRIVATE KEY-----", "")
              .replaceAll("\\s", "");
      return KeyFactory.getInstance("RSA")
          .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot read the test key", e);
    }
  }
}
