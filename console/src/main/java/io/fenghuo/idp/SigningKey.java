package io.fenghuo.idp;

import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;

/**
 * The RSA key the local identity provider signs tokens with. By default the repository's
 * development key ({@code deploy/local/seed/dev-jwt}), so that services started with that key's
 * public half ({@code public-key-location}) accept the console's tokens without further
 * configuration; without the file, a fresh key for this run.
 */
final class SigningKey {

  private static final Logger log = LoggerFactory.getLogger(SigningKey.class);

  private SigningKey() {}

  static RSAKey load(Resource pem) {
    try {
      if (pem == null || !pem.exists()) {
        log.warn(
            "signing key {} not found: signing with a fresh key, services must use this"
                + " provider's JWKS",
            pem);
        return fresh();
      }
      try (InputStream in = pem.getInputStream()) {
        return fromPkcs8(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
      }
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot read the signing key " + pem, e);
    }
  }

  static RSAKey fromPkcs8(String pem) throws GeneralSecurityException {
    byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
    KeyFactory rsa = KeyFactory.getInstance("RSA");
    RSAPrivateCrtKey privateKey =
        (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(der));
    RSAPublicKey publicKey =
        (RSAPublicKey)
            rsa.generatePublic(
                new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
    return new RSAKey.Builder(publicKey).privateKey(privateKey).keyID("fenghuo-local").build();
  }

  private static RSAKey fresh() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    var pair = generator.generateKeyPair();
    return new RSAKey.Builder((RSAPublicKey) pair.getPublic())
        .privateKey(pair.getPrivate())
        .keyID("fenghuo-local-ephemeral")
        .build();
  }
}
