package io.fenghuo.console.alarms;

import io.fenghuo.console.backend.Answer.Problem;

/**
 * The message a page shows after an action (post → redirect → get).
 *
 * @param ok whether the action succeeded
 * @param messageKey what to say
 * @param status the service's HTTP status when it refused, else 0
 * @param detail the service's words (e.g. who holds the claim), or null
 */
public record Flash(boolean ok, String messageKey, int status, String detail) {

  public static final String ATTRIBUTE = "flash";

  public static Flash done(String messageKey) {
    return new Flash(true, messageKey, 0, null);
  }

  public static Flash of(Problem problem) {
    return new Flash(false, problem.kind().messageKey(), problem.status(), problem.detail());
  }

  public String tone() {
    return ok ? "normal" : "fault";
  }
}
