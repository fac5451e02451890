package io.fenghuo.testkit;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Real access tokens for tests, signed with the test RSA key whose public half the service is
 * configured with ({@code classpath:jwt/test-public.pem}, in this jar); the claims follow ADR 0002.
 * Subjects look like the demo users ({@code op-a-operator}).
 */
public final class Tokens {

  private static final PrivateKey KEY = load();

  private Tokens() {}

  public static String admin() {
    return sign("admin-1", List.of("admin"), null, null);
  }

  public static String operator(String operatorId) {
    return sign(operatorId + "-operator", List.of("operator"), operatorId, null);
  }

  public static String operatorSupervisor(String operatorId) {
    return sign(operatorId + "-supervisor", List.of("operator-supervisor"), operatorId, null);
  }

  public static String supervision() {
    return sign("officer-1", List.of("supervision"), null, null);
  }

  public static String unitManager(String unitId) {
    return sign("manager@" + unitId, List.of("unit-manager"), null, unitId);
  }

  public static String dispatcher119() {
    return sign("dispatcher-1", List.of("dispatcher-119"), null, null);
  }

  /** Staff of a maintenance company (维保单位); {@code null} leaves the company claim out. */
  public static String maintenance(String company) {
    return signed("maint-1", List.of("maintenance"), Map.of(), company);
  }

  /** A token with the given roles and tenant claims (null = absent). */
  public static String sign(String subject, List<String> roles, String operatorId, String unitId) {
    Map<String, String> tenant = new HashMap<>();
    if (operatorId != null) {
      tenant.put("operator_id", operatorId);
    }
    if (unitId != null) {
      tenant.put("unit_id", unitId);
    }
    return signed(subject, roles, tenant, null);
  }

  private static String signed(
      String subject, List<String> roles, Map<String, String> tenant, String company) {
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .subject(subject)
            .issuer("https://auth.fenghuo.test")
            .issueTime(new Date())
            .expirationTime(Date.from(Instant.now().plusSeconds(600)))
            .claim("roles", roles);
    tenant.forEach(claims::claim);
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
    } catch (IOException | java.security.GeneralSecurityException e) {
      throw new IllegalStateException("cannot read the test key", e);
    }
  }
}
