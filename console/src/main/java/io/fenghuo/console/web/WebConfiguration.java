package io.fenghuo.console.web;

import io.fenghuo.console.security.TenantGuard;
import java.time.ZoneId;
import java.util.Locale;
import java.util.TimeZone;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Language and time zone per browser (a cookie; zh-CN and Asia/Shanghai unless the user chose
 * otherwise, {@code ?lang=en} switches) and the tenant guard on every page.
 */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration implements WebMvcConfigurer {

  /** The language of a user who has not chosen one. */
  public static final Locale DEFAULT_LOCALE = Locale.SIMPLIFIED_CHINESE;

  /** The zone of a user who has not chosen one. */
  public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

  /** The request parameter that switches the language. */
  public static final String LANGUAGE_PARAMETER = "lang";

  @Bean
  LocaleResolver localeResolver() {
    CookieLocaleResolver resolver = new CookieLocaleResolver("FENGHUO_LANG");
    resolver.setDefaultLocale(DEFAULT_LOCALE);
    resolver.setDefaultTimeZone(TimeZone.getTimeZone(DEFAULT_ZONE));
    return resolver;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    LocaleChangeInterceptor language = new LocaleChangeInterceptor();
    language.setParamName(LANGUAGE_PARAMETER);
    language.setIgnoreInvalidLocale(true);
    registry.addInterceptor(language);
    registry.addInterceptor(new TenantGuard());
  }
}
