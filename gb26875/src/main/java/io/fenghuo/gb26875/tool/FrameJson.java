package io.fenghuo.gb26875.tool;

import io.fenghuo.gb26875.Address;
import io.fenghuo.gb26875.Command;
import io.fenghuo.gb26875.FrameHeader;
import io.fenghuo.gb26875.Gb26875Message;
import io.fenghuo.gb26875.Hex;
import io.fenghuo.gb26875.TimeLabel;
import io.fenghuo.gb26875.adu.AnalogType;
import io.fenghuo.gb26875.adu.AnalogValue;
import io.fenghuo.gb26875.adu.ApplicationData;
import io.fenghuo.gb26875.adu.ComponentAddress;
import io.fenghuo.gb26875.adu.ComponentState;
import io.fenghuo.gb26875.adu.ComponentType;
import io.fenghuo.gb26875.adu.FacilityOperationFlags;
import io.fenghuo.gb26875.adu.InformationObject;
import io.fenghuo.gb26875.adu.OpaqueData;
import io.fenghuo.gb26875.adu.StateBit;
import io.fenghuo.gb26875.adu.SystemState;
import io.fenghuo.gb26875.adu.SystemType;
import io.fenghuo.gb26875.adu.TypedData;
import io.fenghuo.gb26875.adu.UitdOperationFlags;
import io.fenghuo.gb26875.adu.UitdState;
import io.fenghuo.gb26875.frame.FrameRejected;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Set;

/**
 * Renders decode results as one JSON object each: every header field, every object field (by the
 * records' components, so new fields appear without touching this class), the verification result
 * and, for a rejected frame, exactly what is wrong.
 */
final class FrameJson {

  private FrameJson() {}

  static String message(Gb26875Message m, long offset, int length, String profile) {
    JsonWriter w = new JsonWriter().beginObject();
    w.name("offset").value(offset);
    w.name("length").value(length);
    w.name("verification").value("ok");
    w.name("profile").value(profile);
    header(w.name("header"), m.header());
    data(w.name("adu"), m.data());
    return w.endObject().toString();
  }

  static String rejected(FrameRejected r) {
    JsonWriter w = new JsonWriter().beginObject();
    w.name("offset").value(r.streamOffset());
    w.name("length").value(r.length());
    w.name("verification").value("failed");
    w.name("defect").value(r.defect().name());
    w.name("deniable").value(r.isDeniable());
    w.name("detail").value(r.detail());
    if (r.header() != null) {
      header(w.name("header"), r.header());
    }
    w.name("bytes").value(Hex.format(r.bytes()));
    return w.endObject().toString();
  }

  private static void header(JsonWriter w, FrameHeader h) {
    w.beginObject();
    w.name("serial").value(h.serial());
    w.name("mainVersion").value(h.mainVersion());
    w.name("userVersion").value(h.userVersion());
    time(w.name("time"), h.time());
    address(w.name("source"), h.source());
    address(w.name("destination"), h.destination());
    Command c = h.command();
    w.name("command")
        .beginObject()
        .name("value")
        .value(h.commandByte())
        .name("name")
        .value(
            c != null
                ? c.name()
                : Command.isUserDefined(h.commandByte()) ? "USER_DEFINED" : "RESERVED")
        .endObject();
    w.endObject();
  }

  private static void data(JsonWriter w, ApplicationData data) {
    w.beginObject();
    if (data instanceof TypedData t) {
      w.name("typeFlag")
          .beginObject()
          .name("value")
          .value(t.type().value())
          .name("name")
          .value(t.type().name())
          .name("label")
          .value(t.type().label())
          .endObject();
      w.name("objectCount").value(t.objects().size());
      w.name("objects").beginArray();
      for (InformationObject o : t.objects()) {
        object(w, o);
      }
      w.endArray();
    } else if (data instanceof OpaqueData o) {
      w.name("typeFlag").beginObject().name("value").value(o.typeFlagValue());
      w.name("name").value(o.isUserDefined() ? "USER_DEFINED" : "RESERVED").endObject();
      w.name("objectCount").value(o.objectCount());
      w.name("payload").value(Hex.format(o.payload()));
    } else {
      w.name("empty").value(true);
    }
    w.endObject();
  }

  private static void object(JsonWriter w, InformationObject o) {
    w.beginObject();
    w.name("kind").value(o.getClass().getSimpleName());
    for (RecordComponent rc : o.getClass().getRecordComponents()) {
      value(w.name(rc.getName()), read(rc, o));
    }
    if (o instanceof AnalogValue a) {
      w.name("engineeringValue").rawNumber(a.engineeringValue().toPlainString());
      w.name("unit").value(a.unit());
    }
    w.endObject();
  }

  private static Object read(RecordComponent rc, Object record) {
    try {
      return rc.getAccessor().invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void value(JsonWriter w, Object v) {
    if (v == null) {
      w.nullValue();
    } else if (v instanceof Integer || v instanceof Long) {
      w.value(((Number) v).longValue());
    } else if (v instanceof String s) {
      w.value(s);
    } else if (v instanceof TimeLabel t) {
      time(w, t);
    } else if (v instanceof SystemType t) {
      code(w, t.code(), t.label());
    } else if (v instanceof ComponentType t) {
      code(w, t.code(), t.label());
    } else if (v instanceof AnalogType t) {
      code(w, t.code(), t.label());
    } else if (v instanceof ComponentAddress a) {
      w.beginObject().name("value").value(a.value());
      w.name("bytes").value(Hex.format(a.bytes())).endObject();
    } else if (v instanceof SystemState s) {
      flags(w, s.bits(), s.set(), s.reservedBits());
    } else if (v instanceof ComponentState s) {
      flags(w, s.bits(), s.set(), s.reservedBits());
    } else if (v instanceof UitdState s) {
      flags(w, s.bits(), s.set(), s.reservedBits());
    } else if (v instanceof FacilityOperationFlags s) {
      flags(w, s.bits(), s.set(), s.reservedBits());
    } else if (v instanceof UitdOperationFlags s) {
      flags(w, s.bits(), s.set(), s.reservedBits());
    } else {
      w.value(v.toString());
    }
  }

  private static void code(JsonWriter w, int code, String label) {
    w.beginObject().name("code").value(code).name("label").value(label).endObject();
  }

  private static void flags(JsonWriter w, int bits, Set<? extends StateBit> set, int reserved) {
    w.beginObject().name("bits").value(String.format("0x%04x", bits));
    w.name("set").beginArray();
    for (StateBit b : set) {
      w.value(((Enum<?>) b).name());
    }
    w.endArray();
    if (reserved != 0) {
      w.name("reservedBitsSet").value(String.format("0x%04x", reserved));
    }
    w.endObject();
  }

  private static void time(JsonWriter w, TimeLabel t) {
    w.beginObject();
    w.name("value").value(t.isValid() ? t.dateTime().toString() : null);
    w.name("valid").value(t.isValid());
    byte[] raw = t.raw();
    if (raw != null) {
      w.name("raw").value(Hex.format(raw));
    }
    w.endObject();
  }

  private static void address(JsonWriter w, Address a) {
    w.beginObject().name("value").value(a.value()).name("bytes").value(a.toWireHex()).endObject();
  }
}
