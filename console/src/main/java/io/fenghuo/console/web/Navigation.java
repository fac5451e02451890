package io.fenghuo.console.web;

import io.fenghuo.console.security.ConsoleUser;
import io.fenghuo.console.security.RoleHome;
import io.fenghuo.starter.security.Role;
import java.util.ArrayList;
import java.util.List;

/**
 * The navigation of each role. Pages that later issues fill (alarm queue, 119 terminal, inspection)
 * already have their place here.
 */
public final class Navigation {

  /**
   * One entry of the navigation bar.
   *
   * @param messageKey the label's message key
   * @param href the path
   */
  public record Item(String messageKey, String href) {}

  private Navigation() {}

  public static List<Item> of(ConsoleUser user) {
    List<Item> items = new ArrayList<>();
    if (user.isOperatorStaff() && !user.has(Role.ADMIN)) {
      // The operator's home is the live alarm queue.
      String op = "/op/" + user.operator();
      items.add(new Item("nav.alarms", op));
      items.add(new Item("nav.history", op + "/alarms/history"));
      items.add(new Item("nav.false-alarms", op + "/alarms/statistics"));
      items.add(new Item("nav.facilities", op + "/facilities"));
      items.add(new Item("nav.faults", op + "/faults"));
      items.add(new Item("nav.units", op + "/units"));
      if (user.has(Role.OPERATOR_SUPERVISOR)) {
        items.add(new Item("nav.alarm-settings", op + "/alarms/settings"));
      }
    } else {
      items.add(new Item("nav.home", RoleHome.of(user)));
    }
    if (user.has(Role.DISPATCHER_119) || user.has(Role.ADMIN)) {
      if (!RoleHome.of(user).equals("/dispatch")) {
        items.add(new Item("nav.terminal", "/dispatch"));
      }
      items.add(new Item("nav.incidents", "/dispatch/incidents"));
      items.add(new Item("nav.communication-tests", "/dispatch/communication-tests"));
    }
    if (user.has(Role.UNIT_MANAGER)) {
      items.add(new Item("nav.unit-alarms", "/unit/" + user.unit() + "/alarms"));
      items.add(new Item("nav.unit-facilities", "/unit/" + user.unit() + "/facilities"));
      items.add(new Item("nav.unit-faults", "/unit/" + user.unit() + "/faults"));
      items.add(new Item("nav.inspections", "/unit/" + user.unit() + "/inspections"));
    }
    if (user.has(Role.MAINTENANCE)) {
      items.add(new Item("nav.work-orders", "/maintenance/faults"));
    }
    if (user.hasAny(Role.SUPERVISION, Role.ADMIN)) {
      items.add(new Item("nav.statistics", "/supervision"));
    }
    items.add(new Item("nav.about", "/about"));
    return List.copyOf(items);
  }
}
