package io.fenghuo.simulator.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.fenghuo.simulator.device.UploadKind;
import org.junit.jupiter.api.Test;

class ReportTest {

  @Test
  void writesCountersLatencyAndFailuresAsOneJsonLine() {
    SimulatorMetrics m = new SimulatorMetrics(2);
    m.connected(5_000_000);
    m.sent(UploadKind.FIRE);
    m.confirmed(UploadKind.FIRE, 12_000_000);
    m.sent(UploadKind.FAULT);
    m.leftFlight();
    m.failed(UploadKind.FAULT, "f10000000001", "no reply \"after\" retries", 3);
    m.downlinkReceived(91);
    m.downlinkAnswered(91);

    String json = m.snapshot("final").toJson();

    assertThat(json).doesNotContain("\n");
    assertThat(json).startsWith("{\"phase\":\"final\"");
    assertThat(json).contains("\"devices\":2");
    assertThat(json)
        .contains("\"byKind\":{\"fire\":{\"sent\":1,\"confirmed\":1,\"failed\":0,\"dropped\":0}");
    assertThat(json).contains("\"receivedByType\":{\"91\":1}");
    assertThat(json).contains("\"uploadToConfirmMillis\":{\"count\":1");
    assertThat(json).contains("\"reason\":\"no reply \\\"after\\\" retries\"");
  }

  @Test
  void isCleanOnlyWhenNothingFailedOrRemainsOutstanding() {
    SimulatorMetrics m = new SimulatorMetrics(1);
    m.sent(UploadKind.HEARTBEAT);
    assertThat(m.snapshot("progress").isClean()).isFalse();
    m.confirmed(UploadKind.HEARTBEAT, 1_000_000);
    assertThat(m.snapshot("final").isClean()).isTrue();
    assertThat(m.snapshot("final").toHumanSummary()).contains("1 sent, 1 confirmed, 0 failed");
  }
}
