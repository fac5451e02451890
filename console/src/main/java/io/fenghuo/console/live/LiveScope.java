package io.fenghuo.console.live;

import io.fenghuo.console.security.ConsoleUser;
import io.fenghuo.contracts.alarm.AlarmConfirmed;
import io.fenghuo.contracts.alarm.AlarmEvent;
import io.fenghuo.contracts.alarm.AlarmUnitAttached;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.id.UnitId;
import io.fenghuo.starter.security.Role;
import java.util.Objects;

/**
 * Which live alarm events a signed-in user's stream receives, by the user's roles and tenant (ADR
 * 0002; the broadest role applies): admin and supervision every operator's; operator staff their
 * operator's; a unit manager their unit's; a 119 dispatcher confirmed fires of every operator; a
 * maintenance company (维保单位) the changes of the faults assigned to it and nothing else; a user
 * without a role nothing.
 */
public sealed interface LiveScope {

  /** Whether an event of this operator goes to the user. */
  boolean admits(OperatorId operator, AlarmEvent event);

  /**
   * Whether a change of an alarm of this operator and unit (any lifecycle step) tells the user's
   * pages to re-read the queue: the same tenant rule, but no 119 view (the terminal has no queue).
   */
  default boolean admitsChange(OperatorId operator, UnitId unit) {
    return false;
  }

  /**
   * Whether an admitted event is news for the user (a feed line; a new fire sounds) rather than
   * only a refresh. An alarm whose unit became known late ({@link AlarmUnitAttached}) was news when
   * it was raised, for everyone who sees alarms by operator; it is news now for a unit's scope
   * only.
   */
  default boolean news(AlarmEvent event) {
    return !(event instanceof AlarmUnitAttached);
  }

  /**
   * Whether a change of a fault of this operator and unit, assigned to this maintenance company
   * (null if the event does not say and the console has not seen it), tells the user's pages to
   * re-read their fault lists: the tenant rule of {@link #admitsChange}, and for a maintenance
   * company its own work orders only.
   */
  default boolean admitsFault(OperatorId operator, UnitId unit, String company) {
    return admitsChange(operator, unit);
  }

  /**
   * Whether the 119 boundary's changes ({@code fire.119.incident}, {@code fire.119.receipt}) tell
   * the user's pages to re-read the terminal's incident list: the 119 dispatcher's and the admin's.
   */
  default boolean admitsIncidents() {
    return false;
  }

  static LiveScope of(ConsoleUser user) {
    if (user.hasAny(Role.ADMIN, Role.SUPERVISION)) {
      return new Everything();
    }
    if (user.isOperatorStaff()) {
      return new Operator(user.operator());
    }
    if (user.has(Role.UNIT_MANAGER)) {
      return new Unit(user.unit());
    }
    if (user.has(Role.MAINTENANCE)) {
      return new Company(user.maintenanceCompany());
    }
    if (user.has(Role.DISPATCHER_119)) {
      return new ConfirmedFires();
    }
    return new Nothing();
  }

  /** Every operator's events. */
  record Everything() implements LiveScope {
    @Override
    public boolean admits(OperatorId operator, AlarmEvent event) {
      return true;
    }

    @Override
    public boolean admitsChange(OperatorId operator, UnitId unit) {
      return true;
    }

    @Override
    public boolean admitsIncidents() {
      return true;
    }
  }

  /** One operator's events. */
  record Operator(OperatorId operator) implements LiveScope {
    public Operator {
      Objects.requireNonNull(operator, "operator");
    }

    @Override
    public boolean admits(OperatorId candidate, AlarmEvent event) {
      return operator.equals(candidate);
    }

    @Override
    public boolean admitsChange(OperatorId candidate, UnitId unit) {
      return operator.equals(candidate);
    }
  }

  /** One unit's events, whichever operator monitors it. */
  record Unit(UnitId unit) implements LiveScope {
    public Unit {
      Objects.requireNonNull(unit, "unit");
    }

    @Override
    public boolean admits(OperatorId operator, AlarmEvent event) {
      return unit.equals(event.unit());
    }

    /** The unit's alarm was raised without it: the manager hears of it now. */
    @Override
    public boolean news(AlarmEvent event) {
      return true;
    }

    @Override
    public boolean admitsChange(OperatorId operator, UnitId candidate) {
      return unit.equals(candidate);
    }
  }

  /** Confirmed fires of every operator: what the 119 centre acts on. */
  record ConfirmedFires() implements LiveScope {
    @Override
    public boolean admits(OperatorId operator, AlarmEvent event) {
      return event instanceof AlarmConfirmed;
    }

    @Override
    public boolean admitsIncidents() {
      return true;
    }
  }

  /**
   * A maintenance company's work orders, of any operator: no alarms, no other fault. A fault event
   * whose company is unknown (null) is not the company's.
   */
  record Company(String company) implements LiveScope {
    public Company {
      Objects.requireNonNull(company, "company");
    }

    @Override
    public boolean admits(OperatorId operator, AlarmEvent event) {
      return false;
    }

    @Override
    public boolean admitsFault(OperatorId operator, UnitId unit, String candidate) {
      return company.equals(candidate);
    }
  }

  /** Nothing. */
  record Nothing() implements LiveScope {
    @Override
    public boolean admits(OperatorId operator, AlarmEvent event) {
      return false;
    }
  }
}
