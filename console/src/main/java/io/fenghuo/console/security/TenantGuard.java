package io.fenghuo.console.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Answers 404 for a page of another tenant, so that its existence does not leak (ADR 0002). Applies
 * to every handler whose path has an {@code {operator}} or {@code {unit}} variable, so pages that
 * later issues add are covered without further code.
 */
public final class TenantGuard implements HandlerInterceptor {

  public static final String OPERATOR_VARIABLE = "operator";
  public static final String UNIT_VARIABLE = "unit";

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    @SuppressWarnings("unchecked")
    Map<String, String> variables =
        (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
    if (variables == null) {
      return true;
    }
    String operator = variables.get(OPERATOR_VARIABLE);
    String unit = variables.get(UNIT_VARIABLE);
    if (operator == null && unit == null) {
      return true;
    }
    ConsoleUser user =
        CurrentUser.get().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    if ((operator != null && !TenantAccess.mayReadOperator(user, operator))
        || (unit != null && !TenantAccess.mayReadUnit(user, unit))) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    return true;
  }
}
