package io.fenghuo.simulator.device;

import io.fenghuo.gb26875.TimeLabel;
import io.fenghuo.gb26875.adu.AnalogValue;
import io.fenghuo.gb26875.adu.ComponentAddress;
import io.fenghuo.gb26875.adu.ComponentState;
import io.fenghuo.gb26875.adu.ComponentStateBit;
import io.fenghuo.gb26875.adu.ComponentStatus;
import io.fenghuo.gb26875.adu.ComponentType;
import io.fenghuo.gb26875.adu.FacilityOperation;
import io.fenghuo.gb26875.adu.FacilityOperationBit;
import io.fenghuo.gb26875.adu.FacilityOperationFlags;
import io.fenghuo.gb26875.adu.InformationObject;
import io.fenghuo.gb26875.adu.SystemState;
import io.fenghuo.gb26875.adu.SystemStateBit;
import io.fenghuo.gb26875.adu.SystemStatus;
import io.fenghuo.gb26875.adu.TypeFlag;
import io.fenghuo.gb26875.adu.TypedData;
import io.fenghuo.gb26875.adu.UitdOperation;
import io.fenghuo.gb26875.adu.UitdOperationBit;
import io.fenghuo.gb26875.adu.UitdOperationFlags;
import io.fenghuo.gb26875.adu.UitdState;
import io.fenghuo.gb26875.adu.UitdStateBit;
import io.fenghuo.gb26875.adu.UitdStatus;
import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The current state of one simulated UITD and its facilities: component and system state bits,
 * analog values, operation records. Turns {@link DeviceEvent}s into the uploads a real device sends
 * and answers reads from the same state, so a read after a fire shows the fire.
 *
 * <p>Not thread-safe: owned by the device's event loop.
 */
public final class DeviceState {

  /** Records kept for reads 64 and 84 (which return at most 102). */
  static final int OPERATION_LOG_SIZE = 128;

  private static final int NORMAL = ComponentStateBit.NORMAL.mask();
  private static final int RESET_CLEARS =
      ComponentStateBit.FIRE_ALARM.mask()
          | ComponentStateBit.SUPERVISORY.mask()
          | ComponentStateBit.STARTED.mask()
          | ComponentStateBit.FEEDBACK.mask();

  private final DeviceSpec spec;
  private final Map<ComponentKey, Point> components = new LinkedHashMap<>();
  private final Map<ComponentKey, Integer> componentBits = new LinkedHashMap<>();
  private final Map<SystemKey, Integer> systemBits = new LinkedHashMap<>();
  private final Map<ComponentKey, AnalogValue> analogs = new LinkedHashMap<>();
  private final Deque<FacilityOperation> facilityOperations = new ArrayDeque<>();
  private final Deque<UitdOperation> uitdOperations = new ArrayDeque<>();
  private int uitdBits = UitdStateBit.NORMAL_MONITORING.mask();

  /**
   * @param spec not null; every configured point starts in normal state
   */
  public DeviceState(DeviceSpec spec) {
    this.spec = Objects.requireNonNull(spec, "spec");
    for (SystemKey s : spec.systems()) {
      systemBits.put(s, SystemStateBit.NORMAL.mask());
    }
    for (Point p : spec.components()) {
      ComponentKey key = ComponentKey.of(p);
      components.put(key, p);
      componentBits.put(key, NORMAL);
    }
  }

  public DeviceSpec spec() {
    return spec;
  }

  /**
   * Applies an event and returns what the device uploads about it, in sending order.
   *
   * @param now the device clock's time label
   * @param rnd for random point selection
   * @return uploads; empty for {@link DeviceEvent.Disconnect}, which the session handles
   */
  public List<Upload> apply(DeviceEvent event, TimeLabel now, RandomGenerator rnd) {
    if (event instanceof DeviceEvent.Change c) {
      return change(c.where().resolve(spec, rnd), c.condition(), c.on(), now);
    }
    if (event instanceof DeviceEvent.Reset r) {
      return reset(r.where().resolve(spec, rnd), r.operator(), now);
    }
    if (event instanceof DeviceEvent.UitdChange u) {
      uitdBits = u.on() ? uitdBits | u.bit().mask() : uitdBits & ~u.bit().mask();
      boolean power =
          u.bit() == UitdStateBit.MAIN_POWER_FAULT || u.bit() == UitdStateBit.BACKUP_POWER_FAULT;
      UploadKind kind =
          power
              ? (u.on() ? UploadKind.POWER_FAULT : UploadKind.POWER_RESTORED)
              : UploadKind.STATE_CHANGE;
      return List.of(new Upload(TypedData.of(TypeFlag.UITD_STATE, uitdStatus(now)), kind));
    }
    if (event instanceof DeviceEvent.Analog a) {
      return analog(a.where().resolve(spec, rnd), a, now);
    }
    if (event instanceof DeviceEvent.FacilityOperationDone o) {
      Point p = o.where().resolve(spec, rnd);
      FacilityOperation op = recordOperation(p, o.flags(), o.operator(), now);
      return List.of(
          new Upload(TypedData.of(TypeFlag.FACILITY_OPERATION, op), UploadKind.OPERATION));
    }
    if (event instanceof DeviceEvent.UitdOperationDone o) {
      UitdOperation op = recordUitdOperation(o.flags(), o.operator(), now);
      UploadKind kind =
          o.flags().has(UitdOperationBit.DUTY_CHECK_REPLY)
              ? UploadKind.DUTY_CHECK_REPLY
              : UploadKind.UITD_OPERATION;
      return List.of(new Upload(TypedData.of(TypeFlag.UITD_OPERATION, op), kind));
    }
    if (event instanceof DeviceEvent.Status) {
      return status(now);
    }
    return List.of(); // Disconnect: the session closes the channel
  }

  private List<Upload> change(Point p, Condition condition, boolean on, TimeLabel now) {
    UploadKind kind = condition.kind(on);
    if (!p.isComponent()) {
      SystemKey key = p.system();
      int mask = condition.systemBit().mask();
      systemBits.merge(key, on ? mask : 0, (old, x) -> on ? old | mask : old & ~mask);
      return List.of(new Upload(TypedData.of(TypeFlag.SYSTEM_STATE, systemStatus(key, now)), kind));
    }
    ComponentKey key = remember(p);
    int mask = condition.componentBit().mask();
    int bits = componentBits.get(key);
    componentBits.put(key, on ? bits | mask : bits & ~mask);
    List<Upload> out = new ArrayList<>(2);
    out.add(new Upload(TypedData.of(TypeFlag.COMPONENT_STATE, componentStatus(key, now)), kind));
    if (condition == Condition.FIRE) {
      // The UITD's own state (fig. 13) shows a fire while any component is in fire alarm.
      uitdBits =
          anyComponent(ComponentStateBit.FIRE_ALARM)
              ? uitdBits | UitdStateBit.FIRE_ALARM.mask()
              : uitdBits & ~UitdStateBit.FIRE_ALARM.mask();
    }
    return out;
  }

  private List<Upload> reset(Point p, int operator, TimeLabel now) {
    List<Upload> out = new ArrayList<>();
    FacilityOperation op =
        recordOperation(p, FacilityOperationFlags.of(FacilityOperationBit.RESET), operator, now);
    out.add(new Upload(TypedData.of(TypeFlag.FACILITY_OPERATION, op), UploadKind.OPERATION));
    List<InformationObject> changed = new ArrayList<>();
    if (p.isComponent()) {
      ComponentKey key = remember(p);
      componentBits.put(key, componentBits.get(key) & ~RESET_CLEARS);
      changed.add(componentStatus(key, now));
    } else {
      for (Map.Entry<ComponentKey, Integer> e : componentBits.entrySet()) {
        if (e.getKey().system().equals(p.system()) && (e.getValue() & RESET_CLEARS) != 0) {
          e.setValue(e.getValue() & ~RESET_CLEARS);
          changed.add(componentStatus(e.getKey(), now));
        }
      }
    }
    int max = TypeFlag.COMPONENT_STATE.maxObjects();
    for (int i = 0; i < changed.size(); i += max) {
      List<InformationObject> chunk = changed.subList(i, Math.min(changed.size(), i + max));
      out.add(new Upload(new TypedData(TypeFlag.COMPONENT_STATE, chunk), UploadKind.RESET));
    }
    if (!anyComponent(ComponentStateBit.FIRE_ALARM)) {
      uitdBits &= ~UitdStateBit.FIRE_ALARM.mask();
    }
    return out;
  }

  private List<Upload> analog(Point p, DeviceEvent.Analog a, TimeLabel now) {
    Point point = p.isComponent() ? p : PointSelector.component(0).resolve(spec, null);
    ComponentKey key = remember(point);
    AnalogValue value =
        new AnalogValue(
            point.systemType(),
            point.systemAddress(),
            point.componentType(),
            point.componentAddress(),
            a.type(),
            a.rawValue(),
            now);
    analogs.put(key, value);
    return List.of(
        new Upload(TypedData.of(TypeFlag.COMPONENT_ANALOG_VALUE, value), UploadKind.ANALOG));
  }

  private List<Upload> status(TimeLabel now) {
    List<InformationObject> systems = new ArrayList<>();
    for (SystemKey key : systemBits.keySet()) {
      if (systems.size() < TypeFlag.SYSTEM_STATE.maxObjects()) {
        systems.add(systemStatus(key, now));
      }
    }
    return List.of(
        new Upload(new TypedData(TypeFlag.SYSTEM_STATE, systems), UploadKind.STATUS),
        new Upload(TypedData.of(TypeFlag.UITD_STATE, uitdStatus(now)), UploadKind.STATUS));
  }

  private FacilityOperation recordOperation(
      Point p, FacilityOperationFlags flags, int operator, TimeLabel now) {
    FacilityOperation op =
        new FacilityOperation(p.systemType(), p.systemAddress(), flags, operator, now);
    keep(facilityOperations, op);
    return op;
  }

  private UitdOperation recordUitdOperation(UitdOperationFlags flags, int operator, TimeLabel now) {
    UitdOperation op = new UitdOperation(flags, operator, now);
    keep(uitdOperations, op);
    return op;
  }

  private static <T> void keep(Deque<T> log, T item) {
    log.addLast(item);
    if (log.size() > OPERATION_LOG_SIZE) {
      log.removeFirst();
    }
  }

  /** Registers a component an event names that the fleet file did not configure. */
  private ComponentKey remember(Point p) {
    ComponentKey key = ComponentKey.of(p);
    if (!components.containsKey(key)) {
      components.put(key, p);
      componentBits.put(key, NORMAL);
      systemBits.putIfAbsent(p.system(), SystemStateBit.NORMAL.mask());
    }
    return key;
  }

  private boolean anyComponent(ComponentStateBit bit) {
    for (int bits : componentBits.values()) {
      if ((bits & bit.mask()) != 0) {
        return true;
      }
    }
    return false;
  }

  // ---- current state, for reads (§8.3.2) and reports ----

  /** The component's current state with time label {@code now}; generic and normal if unknown. */
  public ComponentStatus componentStatus(ComponentKey key, TimeLabel now) {
    Point p = components.get(key);
    if (p == null) {
      return new ComponentStatus(
          key.system().systemType(),
          key.system().address(),
          ComponentType.GENERIC,
          ComponentAddress.of(key.address()),
          new ComponentState(NORMAL),
          "",
          now);
    }
    return new ComponentStatus(
        p.systemType(),
        p.systemAddress(),
        p.componentType(),
        p.componentAddress(),
        new ComponentState(componentBits.get(key)),
        p.description(),
        now);
  }

  /**
   * The system's state: its own bits (power, bus, reset …) plus fire, fault, disabled and
   * supervisory if any of its components has them, as a panel summarises its loop.
   */
  public SystemStatus systemStatus(SystemKey key, TimeLabel now) {
    int bits = systemBits.getOrDefault(key, SystemStateBit.NORMAL.mask());
    for (Map.Entry<ComponentKey, Integer> e : componentBits.entrySet()) {
      if (e.getKey().system().equals(key)) {
        int c = e.getValue();
        bits |= summarise(c, ComponentStateBit.FIRE_ALARM, SystemStateBit.FIRE_ALARM);
        bits |= summarise(c, ComponentStateBit.FAULT, SystemStateBit.FAULT);
        bits |= summarise(c, ComponentStateBit.DISABLED, SystemStateBit.DISABLED);
        bits |= summarise(c, ComponentStateBit.SUPERVISORY, SystemStateBit.SUPERVISORY);
      }
    }
    return new SystemStatus(key.systemType(), key.address(), new SystemState(bits), now);
  }

  private static int summarise(int componentBits, ComponentStateBit from, SystemStateBit to) {
    return (componentBits & from.mask()) != 0 ? to.mask() : 0;
  }

  /** The UITD's own state (fig. 13). */
  public UitdStatus uitdStatus(TimeLabel now) {
    return new UitdStatus(new UitdState(uitdBits), now);
  }

  /** The last analog value sampled at the component, or null. */
  public AnalogValue analog(ComponentKey key) {
    return analogs.get(key);
  }

  /** Known systems, in configuration order. */
  public List<SystemKey> systems() {
    return new ArrayList<>(systemBits.keySet());
  }

  /** Known components, in configuration order. */
  public List<Point> components() {
    return new ArrayList<>(components.values());
  }

  /** The configured (or event-created) point at {@code key}, or null. */
  public Point component(ComponentKey key) {
    return components.get(key);
  }

  /** Facility operation records of a system at or after {@code from} (null: any), oldest first. */
  public List<FacilityOperation> facilityOperations(SystemKey system, LocalDateTime from, int max) {
    List<FacilityOperation> out = new ArrayList<>();
    for (FacilityOperation op : facilityOperations) {
      if (op.systemType().code() == system.type()
          && op.systemAddress() == system.address()
          && after(op.time(), from)) {
        out.add(op);
      }
    }
    return out.subList(Math.max(0, out.size() - max), out.size());
  }

  /** UITD operation records at or after {@code from} (null: any), oldest first. */
  public List<UitdOperation> uitdOperations(LocalDateTime from, int max) {
    List<UitdOperation> out = new ArrayList<>();
    for (UitdOperation op : uitdOperations) {
      if (after(op.time(), from)) {
        out.add(op);
      }
    }
    return out.subList(Math.max(0, out.size() - max), out.size());
  }

  private static boolean after(TimeLabel t, LocalDateTime from) {
    return from == null || t.dateTime() == null || !t.dateTime().isBefore(from);
  }

  /** True if any component is in fire alarm. */
  public boolean hasFire() {
    return anyComponent(ComponentStateBit.FIRE_ALARM);
  }

  /** True if {@code bit} is set at the component. */
  public boolean has(ComponentKey key, ComponentStateBit bit) {
    Integer bits = componentBits.get(key);
    return bits != null && (bits & bit.mask()) != 0;
  }
}
