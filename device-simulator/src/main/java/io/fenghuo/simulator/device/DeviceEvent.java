package io.fenghuo.simulator.device;

import io.fenghuo.gb26875.adu.AnalogType;
import io.fenghuo.gb26875.adu.FacilityOperationFlags;
import io.fenghuo.gb26875.adu.UitdOperationFlags;
import io.fenghuo.gb26875.adu.UitdStateBit;
import java.util.Objects;

/**
 * Something that happens at a simulated UITD and that it reports to the centre: the vocabulary of
 * scenarios, background activity and the library API. {@link DeviceState#apply} turns an event into
 * the uploads a real device would send.
 */
public sealed interface DeviceEvent {

  /** A condition appears ({@code on}) or clears at a component, or at a system if none is given. */
  record Change(PointSelector where, Condition condition, boolean on) implements DeviceEvent {
    public Change {
      Objects.requireNonNull(where, "where");
      Objects.requireNonNull(condition, "condition");
    }
  }

  /**
   * The panel is reset (复位): at one component, or a whole system if no component is given. Clears
   * fire, supervisory, started and feedback; reported as a facility operation record (type 4) and
   * the new component states (type 2).
   */
  record Reset(PointSelector where, int operator) implements DeviceEvent {
    public Reset {
      Objects.requireNonNull(where, "where");
    }
  }

  /** A UITD state bit (fig. 13) changes, e.g. its own main power fails; reported as type 21. */
  record UitdChange(UitdStateBit bit, boolean on) implements DeviceEvent {
    public UitdChange {
      Objects.requireNonNull(bit, "bit");
    }
  }

  /** A component's analog value is sampled (type 3). */
  record Analog(PointSelector where, AnalogType type, int rawValue) implements DeviceEvent {
    public Analog {
      Objects.requireNonNull(where, "where");
      Objects.requireNonNull(type, "type");
    }
  }

  /** An operator acts on a facility's panel (type 4). */
  record FacilityOperationDone(PointSelector where, FacilityOperationFlags flags, int operator)
      implements DeviceEvent {
    public FacilityOperationDone {
      Objects.requireNonNull(where, "where");
      Objects.requireNonNull(flags, "flags");
    }
  }

  /** An operator acts on the UITD itself (type 24). */
  record UitdOperationDone(UitdOperationFlags flags, int operator) implements DeviceEvent {
    public UitdOperationDone {
      Objects.requireNonNull(flags, "flags");
    }
  }

  /** Periodic status: every system's state (type 1) and the UITD state (type 21). */
  record Status() implements DeviceEvent {}

  /** The link drops (the device closes its TCP connection and reconnects after back-off). */
  record Disconnect() implements DeviceEvent {}
}
