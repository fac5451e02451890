package io.fenghuo.idp;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * Settings of the local identity provider ({@code fenghuo.idp.*}).
 *
 * @param signingKey PKCS#8 PEM of the RSA key tokens are signed with; a fresh key if absent
 * @param demoPassword the password of every demo user
 * @param clientId the console's client id
 * @param clientSecret the console's client secret
 * @param consoleBaseUrls base URLs the console is reached at (redirect and post-logout URIs)
 */
@ConfigurationProperties("fenghuo.idp")
public record IdpProperties(
    Resource signingKey,
    String demoPassword,
    String clientId,
    String clientSecret,
    List<String> consoleBaseUrls) {}
