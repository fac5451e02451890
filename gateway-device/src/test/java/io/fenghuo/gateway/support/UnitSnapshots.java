package io.fenghuo.gateway.support;

import io.fenghuo.contracts.event.EventEnvelope;
import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.id.UnitId;
import io.fenghuo.contracts.unit.UnitArchiveChanged;
import io.fenghuo.contracts.unit.UnitCategory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A unit snapshot on the unit stream as the unit-service publishes it, with only what the gateway
 * reads: the unit and its device bindings. The event id is name-based on unit and version.
 */
public final class UnitSnapshots {

  private UnitSnapshots() {}

  public static EventEnvelope<UnitArchiveChanged> of(
      OperatorId operator,
      UnitId unit,
      long version,
      List<UnitArchiveChanged.DeviceBinding> devices) {
    UnitArchiveChanged data =
        new UnitArchiveChanged(
            unit,
            version,
            Instant.now(),
            "测试单位",
            null,
            UnitCategory.KEY_UNIT,
            "330106",
            "浙江省杭州市西湖区文三路1号",
            null,
            null,
            null,
            null,
            null,
            List.of(),
            null,
            null,
            List.of(),
            devices,
            List.of(),
            List.of());
    return new EventEnvelope<>(
        UUID.nameUUIDFromBytes(
                ("unit/" + unit.value() + "/" + version).getBytes(StandardCharsets.UTF_8))
            .toString(),
        URI.create("/fenghuo/unit-service/test"),
        data.changedAt(),
        operator,
        data);
  }
}
