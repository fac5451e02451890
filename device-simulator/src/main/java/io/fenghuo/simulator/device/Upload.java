package io.fenghuo.simulator.device;

import io.fenghuo.gb26875.adu.ApplicationData;
import java.util.Objects;

/**
 * An upload a device wants to send (command 2), with why it is sent.
 *
 * @param data upload type or {@link io.fenghuo.gb26875.adu.NoData} for an empty heartbeat; not null
 * @param kind not null
 */
public record Upload(ApplicationData data, UploadKind kind) {
  public Upload {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(kind, "kind");
  }
}
