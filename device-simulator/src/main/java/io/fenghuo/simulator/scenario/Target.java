package io.fenghuo.simulator.scenario;

import io.fenghuo.gb26875.Address;
import io.fenghuo.simulator.device.AddressText;

/** Which devices of a fleet a scenario step applies to. */
public sealed interface Target {

  /**
   * @param index position of the device in the fleet (0-based)
   */
  boolean matches(int index, Address address);

  /** Every device. */
  record All() implements Target {
    @Override
    public boolean matches(int index, Address address) {
      return true;
    }

    @Override
    public String toString() {
      return "all";
    }
  }

  /** Devices by fleet position, {@code from}–{@code to} inclusive, 0-based. */
  record Indexes(int from, int to) implements Target {
    public Indexes {
      if (from < 0 || to < from) {
        throw new IllegalArgumentException("bad device range #" + from + "-" + to);
      }
    }

    @Override
    public boolean matches(int index, Address address) {
      return index >= from && index <= to;
    }

    @Override
    public String toString() {
      return from == to ? "#" + from : "#" + from + "-" + to;
    }
  }

  /** One device by address. */
  record ByAddress(Address address) implements Target {
    @Override
    public boolean matches(int index, Address a) {
      return address.equals(a);
    }

    @Override
    public String toString() {
      return AddressText.format(address);
    }
  }
}
