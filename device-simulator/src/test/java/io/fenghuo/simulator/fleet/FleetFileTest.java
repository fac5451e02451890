package io.fenghuo.simulator.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fenghuo.gb26875.Address;
import io.fenghuo.gb26875.profile.DeviceProfile;
import io.fenghuo.simulator.device.AddressText;
import io.fenghuo.simulator.device.DeviceSpec;
import io.fenghuo.simulator.device.Point;
import io.fenghuo.simulator.device.SystemKey;
import java.util.List;
import org.junit.jupiter.api.Test;

class FleetFileTest {

  private static final String FLEET =
      """
      device_address,system_type,system_address,component_type,component_address,description
      # unit 12
      0140609623b2,1,1,42,0x00070001,3F 东走廊 感烟
      0140609623b2,1,1,23,1/12,3F 楼梯间, 手报
      0140609623b2,11,1,,,消火栓系统
      f10000000001,1,1,31,65537,
      """;

  @Test
  void groupsPointsByDeviceInFileOrder() {
    List<DeviceSpec> devices = FleetFile.parse(FLEET, DeviceProfile.STANDARD);

    assertThat(devices)
        .extracting(DeviceSpec::addressText)
        .containsExactly("0140609623b2", "f10000000001");
    DeviceSpec unit12 = devices.get(0);
    assertThat(unit12.points()).hasSize(3);
    Point smoke = unit12.points().get(0);
    assertThat(smoke.componentType().code()).isEqualTo(42);
    assertThat(smoke.componentAddress().value()).isEqualTo(0x00070001L);
    assertThat(smoke.description()).isEqualTo("3F 东走廊 感烟");
    assertThat(unit12.points().get(1).componentAddress().value()).isEqualTo(Point.loopPoint(1, 12));
    assertThat(unit12.points().get(1).description()).isEqualTo("3F 楼梯间, 手报");
    assertThat(unit12.points().get(2).isComponent()).isFalse();
    assertThat(unit12.systems()).containsExactly(new SystemKey(1, 1), new SystemKey(11, 1));
  }

  @Test
  void readsAddressesAsTheContractsTextForm() {
    // wire bytes B2 23 96 60 40 01, low byte first, are written most significant first
    Address a = AddressText.parse("0140609623b2");
    assertThat(a.bytes()).containsExactly(0xB2, 0x23, 0x96, 0x60, 0x40, 0x01);
    assertThat(AddressText.format(a)).isEqualTo("0140609623b2");
  }

  @Test
  void reportsTheLineOfABadRow() {
    assertThatThrownBy(() -> FleetFile.parse("0140609623b2,1,1\nzz,1,1", DeviceProfile.STANDARD))
        .hasMessageContaining("line 2")
        .hasMessageContaining("12 hex digits");
    assertThatThrownBy(() -> FleetFile.parse("0140609623b2,1,1,42,,x", DeviceProfile.STANDARD))
        .hasMessageContaining("both component type and address");
    assertThatThrownBy(
            () ->
                FleetFile.parse(
                    "0140609623b2,1,1,42,1,这是一段远远超过三十一个字节的部件说明文字", DeviceProfile.STANDARD))
        .hasMessageContaining("31");
  }

  @Test
  void writesWhatItReads() {
    List<DeviceSpec> devices = FleetFile.parse(FLEET, DeviceProfile.STANDARD);

    assertThat(FleetFile.parse(FleetFile.format(devices), DeviceProfile.STANDARD))
        .isEqualTo(devices);
  }

  @Test
  void generatesDeterministicAddressesFromTheBase() {
    List<DeviceSpec> fleet =
        FleetGenerator.generate(10_000, FleetGenerator.DEFAULT_BASE, 8, DeviceProfile.STANDARD);

    assertThat(fleet.get(0).addressText()).isEqualTo("f10000000001");
    assertThat(fleet.get(9).addressText()).isEqualTo("f1000000000a");
    assertThat(fleet.get(9999).addressText()).isEqualTo("f10000002710");
    assertThat(
            FleetGenerator.generate(10_000, FleetGenerator.DEFAULT_BASE, 8, DeviceProfile.STANDARD))
        .isEqualTo(fleet);
  }

  @Test
  void generatesPointsOnLoopsWithDescriptionsThatFit() {
    List<Point> points = FleetGenerator.points(250);

    assertThat(points).hasSize(251);
    assertThat(points.get(0).componentAddress().low16()).isEqualTo(1);
    assertThat(points.get(0).componentAddress().high16()).isEqualTo(1);
    assertThat(points.get(0).description()).isEqualTo("L1-P1 点型光电感烟火灾探测器");
    assertThat(points.get(249).componentAddress().low16()).isEqualTo(3); // loop 3
    assertThat(points.get(249).componentAddress().high16()).isEqualTo(50); // point 50
    assertThat(points)
        .allSatisfy(
            p ->
                assertThat(p.description().getBytes(Gb18030.CHARSET).length)
                    .isLessThanOrEqualTo(31));
    assertThat(points.get(250).componentType().code()).isEqualTo(92); // water tank
  }
}
