package io.fenghuo.contracts.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifiersTest {

  @ParameterizedTest
  @ValueSource(
      strings = {"op-a", "ab", "hangzhou-fire-ops-2026", "a1234567890123456789012345678901"})
  void acceptsValidOperatorIds(String value) {
    assertThat(OperatorId.of(value).value()).isEqualTo(value);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"a", "-ab", "ab-", "Op-A", "op_a", "op.a", "a12345678901234567890123456789012"})
  void rejectsOperatorIdsThatCannotBeATopicSegment(String value) {
    assertThatThrownBy(() -> OperatorId.of(value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("operator id '" + value + "' is invalid");
  }

  @Test
  void rejectsNullWithAClearMessage() {
    assertThatThrownBy(() -> OperatorId.of(null)).hasMessage("operator id must not be null");
    assertThatThrownBy(() -> UnitId.of(null)).hasMessage("unit id must not be null");
    assertThatThrownBy(() -> AlarmId.of(null)).hasMessage("alarm id must not be null");
    assertThatThrownBy(() -> DeviceAddress.of(null)).hasMessage("device address must not be null");
  }

  @Test
  void abbreviatesHugeInputInMessages() {
    String garbage = "x".repeat(100_000);

    assertThatThrownBy(() -> UnitId.of(garbage))
        .hasMessageStartingWith("unit id '" + "x".repeat(61) + "...' is invalid");
  }

  @Test
  void unitIdsAreUrlAndKeySafe() {
    assertThat(UnitId.of("U-330106-0001")).hasToString("U-330106-0001");
    assertThatThrownBy(() -> UnitId.of("U 1")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> UnitId.of("")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void readsTheDeviceAddressLowByteFirst() {
    // Source address field of a real frame (protocol reference §2): B2 23 96 60 40 01
    byte[] wire = {(byte) 0xB2, 0x23, (byte) 0x96, 0x60, 0x40, 0x01};

    DeviceAddress address = DeviceAddress.fromWire(wire);

    assertThat(address).hasToString("0140609623b2");
    assertThat(address.value()).isEqualTo(0x0140609623B2L);
    assertThat(address.toWire()).containsExactly(wire);
    assertThat(DeviceAddress.of("0140609623B2")).isEqualTo(address);
  }

  @Test
  void deviceAddressCoversAllSixBytes() {
    byte[] max = {-1, -1, -1, -1, -1, -1};

    assertThat(DeviceAddress.fromWire(max)).hasToString("ffffffffffff");
    assertThat(DeviceAddress.fromWire(new byte[6])).hasToString("000000000000");
  }

  @Test
  void rejectsDeviceAddressesOfTheWrongSize() {
    assertThatThrownBy(() -> DeviceAddress.fromWire(new byte[5]))
        .hasMessage("device address must be exactly 6 bytes, got 5 bytes");
    assertThatThrownBy(() -> DeviceAddress.of("0140609623b"))
        .hasMessageContaining("expected 12 hex digits");
    assertThatThrownBy(() -> new DeviceAddress(1L << 48))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void alarmIdsAreUuids() {
    AlarmId id = AlarmId.random();

    assertThat(AlarmId.of(id.toString())).isEqualTo(id);
    assertThatThrownBy(() -> AlarmId.of("alarm-1")).hasMessageContaining("expected a UUID");
  }
}
