package io.fenghuo.simulator.session;

import io.fenghuo.gb26875.Command;
import io.fenghuo.gb26875.Gb26875Message;
import io.fenghuo.gb26875.adu.ClockSync;
import io.fenghuo.gb26875.adu.TypedData;
import io.fenghuo.gb26875.session.DuplicateFilter;
import io.fenghuo.simulator.device.ReadResponder;
import io.fenghuo.simulator.report.SimulatorMetrics;

/**
 * Answers what the centre initiates, as a UITD does (§6.2, §6.4): control commands 89–91 are
 * executed and confirmed, reads 61–88 get a response from the device's current state, anything else
 * the device cannot act on is denied. A retransmitted control command (same serial and content,
 * §6.5) is confirmed again but executed once, so a repeated 查岗 does not page the person on duty
 * twice.
 */
final class DownlinkHandler {

  private final SimulatedDevice device;
  private DuplicateFilter duplicates;

  DownlinkHandler(SimulatedDevice device) {
    this.device = device;
  }

  /** A new connection: a new serial space, so a new duplicate window. */
  void onConnected() {
    duplicates = DuplicateFilter.standard();
  }

  void onDownlink(Gb26875Message m) {
    SimulatorMetrics metrics = device.metrics();
    Command c = m.command();
    if (!(m.data() instanceof TypedData t)) {
      if (c != null && c.initiates() || Command.isUserDefined(m.header().commandByte())) {
        deny(m);
      } else {
        metrics.unmatchedReply(); // e.g. a response (5) nobody asked for
      }
      return;
    }
    metrics.downlinkReceived(t.type().value());
    if (t.type().isControl()) {
      control(m, t);
    } else if (t.type().isRead() && c == Command.REQUEST) {
      read(m, t);
    } else {
      deny(m);
    }
  }

  private void control(Gb26875Message m, TypedData t) {
    boolean repeat = duplicates.isDuplicate(m, System.nanoTime());
    switch (t.type()) {
      case SYNCHRONISE_CLOCK -> {
        ClockSync sync = t.objects(ClockSync.class).get(0);
        if (!sync.time().isValid()) {
          deny(m); // an impossible date cannot be executed; §6.2 says discard and deny
          return;
        }
        device.clock().syncTo(sync.time().dateTime());
        if (!repeat) {
          device.metrics().clockSynced();
        }
      }
      case DUTY_CHECK -> {
        if (!repeat) {
          device.scheduleDutyReply();
        }
      }
      default -> {
        // 89 initialise: the standard leaves the effect open; the simulated device keeps its state.
      }
    }
    // The confirm carries the device's (possibly just synchronised) time, which is how a centre
    // can see a clock sync take effect.
    // Counted before the write so a centre that sees the reply also sees it counted.
    device.metrics().downlinkAnswered(t.type().value());
    device.write(device.endpoint().confirm(m.header()));
  }

  private void read(Gb26875Message m, TypedData t) {
    TypedData answer = ReadResponder.answer(t, device.state(), device.endpoint().now());
    if (answer == null) {
      deny(m);
      return;
    }
    device.metrics().downlinkAnswered(t.type().value());
    device.write(device.endpoint().respond(m.header(), answer));
  }

  private void deny(Gb26875Message m) {
    device.metrics().downlinkDenied();
    device.write(device.endpoint().deny(m.header()));
  }
}
