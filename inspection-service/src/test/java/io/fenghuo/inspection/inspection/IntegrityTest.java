package io.fenghuo.inspection.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import io.fenghuo.contracts.fault.FaultId;
import io.fenghuo.contracts.fault.FaultKind;
import io.fenghuo.contracts.id.DeviceAddress;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.id.UnitId;
import io.fenghuo.contracts.signal.PointRef;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The integrity rate against a fixture computed by hand (the same fixture IntegrityIT runs through
 * the API).
 *
 * <p>One UITD, system 1/1 with four detectors C1..C4, one day of 24 h:
 *
 * <pre>
 * F1 POINT_FAULT        C1      02:00–08:00              (closed, 6 h)
 * F2 POINT_DISABLED     C1      06:00–10:00              (closed, 4 h; overlaps F1 by 2 h)
 * F3 BUS_FAULT          S 1/1   12:00–13:00 → C1..C4     (closed, 1 h)
 * F4 COMMUNICATION      device  22:00–(open) → C1..C4    (2 h inside the day)
 * F5 UITD_POWER_FAULT   UITD    00:00–(open)             (does not count: the panel is watched)
 * F6 POINT_FAULT        C2      day before 20:00–01:00   (closed, 5 h; 1 h inside the day)
 *
 * C1: 02–10 (F1 ∪ F2 = 8 h) + 12–13 (1 h) + 22–24 (2 h) = 11 h
 * C2: 00–01 (1 h) + 12–13 (1 h) + 22–24 (2 h)           =  4 h
 * C3: 12–13 (1 h) + 22–24 (2 h)                          =  3 h
 * C4: same as C3                                        =  3 h
 * abnormal = 21 point-hours of 4 × 24 = 96 → integrity = 1 − 21/96 = 75/96 = 0.78125
 * repair times closed in the day: 1 h, 4 h, 5 h, 6 h → mean 16/4 = 4 h; p90 = rank ⌈0.9·4⌉ = 4 → 6 h
 * </pre>
 */
class IntegrityTest {

  static final DeviceAddress D = DeviceAddress.of("0140609623b2");
  static final Instant DAY = Instant.parse("2025-03-10T00:00:00Z");

  static Instant at(double hours) {
    return DAY.plus(Duration.ofMinutes(Math.round(hours * 60)));
  }

  static String c(int n) {
    return ObjectKey.of(PointRef.component(1, 1, 40, n));
  }

  static FaultRecord fault(FaultKind kind, String key, Instant opened, Instant closed) {
    return new FaultRecord(
        new FaultId(UUID.randomUUID()),
        OperatorId.of("op-a"),
        UnitId.of("U-1"),
        D,
        kind,
        key,
        null,
        null,
        null,
        null,
        opened,
        null,
        0,
        null,
        null,
        null,
        null,
        null,
        null,
        closed,
        null,
        null);
  }

  static final List<FaultRecord> FIXTURE =
      List.of(
          fault(FaultKind.POINT_FAULT, c(1), at(2), at(8)),
          fault(FaultKind.POINT_DISABLED, c(1), at(6), at(10)),
          fault(FaultKind.BUS_FAULT, "S:1:1", at(12), at(13)),
          fault(FaultKind.COMMUNICATION_FAULT, ObjectKey.UITD, at(22), null),
          fault(FaultKind.UITD_POWER_FAULT, ObjectKey.UITD, at(0), null),
          fault(FaultKind.POINT_FAULT, c(2), at(-4), at(1)));

  static final List<Integrity.PointId> POINTS =
      List.of(
          new Integrity.PointId(D, c(1)),
          new Integrity.PointId(D, c(2)),
          new Integrity.PointId(D, c(3)),
          new Integrity.PointId(D, c(4)));

  @Test
  void theRateOfTheFixtureIsSeventyFiveNinetySixths() {
    Integrity.Figures f = Integrity.of(POINTS, FIXTURE, at(0), at(24));

    assertThat(f.points()).isEqualTo(4);
    assertThat(f.abnormalMillis()).isEqualTo(Duration.ofHours(21).toMillis());
    assertThat(f.rate()).isEqualTo(75.0 / 96.0);
  }

  @Test
  void repairTimesOfTheFixtureAreMeanFourHoursAndP90SixHours() {
    List<Duration> closed =
        FIXTURE.stream()
            .filter(r -> r.closedAt() != null)
            .map(r -> Duration.between(r.openedAt(), r.closedAt()))
            .toList();

    Integrity.RepairTimes t = Integrity.repairTimes(closed);

    assertThat(t.closed()).isEqualTo(4);
    assertThat(t.mean()).isEqualTo(Duration.ofHours(4));
    assertThat(t.p90()).isEqualTo(Duration.ofHours(6));
  }

  @Test
  void aUnitWithoutFaultsIsWholeAndOneWithoutPointsHasNoRate() {
    assertThat(Integrity.of(POINTS, List.of(), at(0), at(24)).rate()).isEqualTo(1.0);
    assertThat(Integrity.of(List.of(), List.of(), at(0), at(24)).rate()).isNull();
  }

  @Test
  void aFaultOnAPointTheArchiveDoesNotKnowCountsThatPoint() {
    Integrity.Figures f =
        Integrity.of(
            POINTS, List.of(fault(FaultKind.POINT_FAULT, c(9), at(0), at(12))), at(0), at(24));

    assertThat(f.points()).isEqualTo(5);
    assertThat(f.rate()).isEqualTo(1.0 - 12.0 / (5 * 24));
  }
}
