package io.fenghuo.bench.platform;

import io.fenghuo.bench.Scenario;
import io.fenghuo.bench.local.LocalPlatform;
import io.fenghuo.bench.metrics.Prometheus;
import io.fenghuo.bench.report.BenchResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Issue 10, item 6: every device reconnects at once — op-a's gateway gets {@code kill -9} and
 * {@code ./fenghuo up} starts it again — and the time until all are connected again, with the fire
 * alarm latency (to the console's live stream, as in fire-latency) while it happens.
 */
@Command(
    name = "reconnect",
    description =
        "Reconnect storm: kill -9 the gateway under N connected devices, restart it with ./fenghuo"
            + " up; time until all are online, fire latency to the console's SSE meanwhile.")
public final class ReconnectScenario extends Scenario {

  @Mixin PlatformOptions platform;

  @Option(names = "--load-processes", defaultValue = "2", description = "Load simulator JVMs.")
  int loadProcesses;

  @Option(
      names = "--load-devices",
      defaultValue = "1000",
      description = "Unbound devices per load JVM (besides op-a's 18 seed UITDs).")
  int loadDevices;

  @Option(names = "--baseline-fires", defaultValue = "10", description = "Fires before the kill.")
  int baselineFires;

  @Option(
      names = "--fire-every",
      defaultValue = "PT2S",
      description = "From the kill on, a fire this often (ISO-8601, default ${DEFAULT-VALUE}).")
  Duration fireEvery;

  @Option(
      names = "--after",
      defaultValue = "PT10S",
      description = "Keep firing this long after all devices are back.")
  Duration after;

  @Option(
      names = "--max-wait",
      defaultValue = "PT4M",
      description = "Give up waiting for all devices after this.")
  Duration maxWait;

  @Override
  protected BenchResult measure() throws Exception {
    BenchResult result =
        new BenchResult(
            "reconnect",
            "Reconnect storm: gateway kill -9 + restart, time until all devices are online again");
    try (LocalPlatform p = LocalPlatform.start(platform.settings(), FireLatencyScenario.SERVICES)) {
      OperatorSetup op = OperatorSetup.of(p, result);
      try (ConsoleSession live = op.signIn();
          FireProbe probe = op.probe(live);
          SimulatorProcesses load =
              SimulatorProcesses.start(
                  p.simulatorJar(),
                  p.ports().gateway(),
                  loadProcesses,
                  loadDevices,
                  p.home().resolve("logs"),
                  "bench-reconnect",
                  List.of())) {
        int total = loadProcesses * loadDevices + probe.devices();
        FireLatencyScenario.awaitConnections(p, total, Duration.ofSeconds(120));
        FireStats before = new FireStats("before");
        probe.warmUp(3, Duration.ofMillis(500));
        for (int i = 0; i < baselineFires; i++) {
          before.add(probe.fire(Duration.ofSeconds(30)));
          Thread.sleep(500);
        }
        probe.drain();
        LocalPlatform.log(
            String.format("before: p50 %.1f ms", before.micros.getValueAtPercentile(50) / 1000.0));

        // From the kill on: a fire every fireEvery, each waited for on a thread of its own.
        FireStats down = new FireStats("during.gateway-down");
        FireStats back = new FireStats("during.reconnecting");
        FireStats allBack = new FireStats("during.all-back");
        FireStats during = new FireStats("during");
        ExecutorService firing = Executors.newCachedThreadPool(r -> FireProbe.daemon(r, "fire"));
        List<Future<FireProbe.Fire>> fires = new ArrayList<>();
        long tKill = System.nanoTime();
        LocalPlatform.log("kill -9 gateway-op-a (" + total + " devices connected)");
        p.kill9("gateway-op-a");
        Future<?> restart =
            firing.submit(
                () -> {
                  p.fenghuo(Duration.ofMinutes(5), "up");
                  return null;
                });
        long nextFire = tKill;
        long tRestarted = -1;
        long tHttp = -1;
        long tAll = -1;
        long tEnd = -1;
        double lowest = Double.MAX_VALUE;
        long deadline = tKill + maxWait.toNanos();
        while (true) {
          long now = System.nanoTime();
          if (now >= nextFire && (tEnd < 0 || now < tEnd)) {
            fires.add(firing.submit(() -> probe.fire(Duration.ofSeconds(120))));
            nextFire += fireEvery.toNanos();
          }
          if (tRestarted < 0 && restart.isDone()) {
            restart.get(); // fails the run if ./fenghuo up failed
            tRestarted = System.nanoTime();
            LocalPlatform.log(
                String.format("./fenghuo up returned after %.1f s", (tRestarted - tKill) / 1e9));
          }
          Prometheus m = p.gatewayMetrics();
          if (m != null) {
            double connections = m.sum("fenghuo_gateway_connections");
            if (tHttp < 0) {
              tHttp = System.nanoTime();
              LocalPlatform.log(
                  String.format("gateway metrics answer after %.1f s", (tHttp - tKill) / 1e9));
            }
            lowest = Math.min(lowest, connections);
            if (tAll < 0 && connections >= total) {
              tAll = System.nanoTime();
              tEnd = tAll + after.toNanos();
              LocalPlatform.log(
                  String.format(
                      "all %d devices connected after %.1f s", total, (tAll - tKill) / 1e9));
            }
          }
          if (tEnd > 0 && now >= tEnd && tRestarted > 0) {
            break;
          }
          if (now > deadline) {
            result.note("Not all devices were back within " + maxWait + ": gave up waiting.");
            break;
          }
          Thread.sleep(100);
        }
        for (Future<FireProbe.Fire> f : fires) {
          FireProbe.Fire fire;
          try {
            fire = f.get(150, TimeUnit.SECONDS);
          } catch (TimeoutException e) {
            f.cancel(true);
            continue;
          }
          during.add(fire);
          if (tHttp < 0 || fire.sentNanos() < tHttp) {
            down.add(fire);
          } else if (tAll < 0 || fire.sentNanos() < tAll) {
            back.add(fire);
          } else {
            allBack.add(fire);
          }
        }
        firing.shutdownNow();

        result
            .parameter(
                "devices",
                total
                    + " ("
                    + probe.devices()
                    + " seed UITDs of op-a in the harness"
                    + " JVM + "
                    + loadProcesses
                    + " simulator JVMs × "
                    + loadDevices
                    + " unbound devices)")
            .parameter("load simulator", load.commandLine())
            .parameter("live stream re-opened", live.reconnects() + " times")
            .parameter("disruption", "kill -9 of gateway-op-a, then ./fenghuo up starts it again")
            .parameter(
                "fires",
                "from the kill on, one every "
                    + fireEvery
                    + " until "
                    + after
                    + " after all devices were back; "
                    + baselineFires
                    + " before the kill")
            .parameter(
                "devices' reconnect back-off",
                "simulator default: 1 s doubling to 60 s,"
                    + " each wait uniform in the upper half of its step");
        result.metric(
            "gateway-http-back",
            seconds(tHttp, tKill),
            "s",
            "kill → the restarted gateway's metrics endpoint answers (JVM start, Spring context)");
        result.metric(
            "fenghuo-up-returned",
            seconds(tRestarted, tKill),
            "s",
            "kill → ./fenghuo up returned (it waits for the gateway's readiness)");
        result.metric(
            "all-online",
            seconds(tAll, tKill),
            "s",
            "kill → fenghuo_gateway_connections ≥ " + total + " (every device connected again)");
        result.metric(
            "all-online-after-http",
            tAll < 0 || tHttp < 0 ? -1 : seconds(tAll, tHttp),
            "s",
            "restarted gateway answering → every device connected (the devices' back-off)");
        before.report(
            result,
            "before the kill: UITD frame sent → new-alarm line on the console's SSE stream");
        during.report(
            result,
            "from the kill until "
                + after.toSeconds()
                + " s after all were back: UITD frame sent →"
                + " new-alarm line on the console's SSE stream");
        down.report(result, "sent while the gateway was down (kill → its metrics answer)");
        back.report(result, "sent while the devices reconnected (gateway answers → all connected)");
        allBack.report(result, "sent after all devices were back");
        result.note(
            "A fire sent while the gateway is down waits in the simulated UITD's outbox and goes out"
                + " when its connection is back (GB/T 26875.3 devices queue uploads), so its latency"
                + " includes the outage and the device's back-off: that is what a centre restart"
                + " costs a real device. The seed UITDs reconnect with the same back-off as the load.");
        result.note(
            "The load devices are generated, unbound UITDs (the seed binds only 18 to op-a's units);"
                + " they reconnect and get the same session handling (clock sync on connect)"
                + " but their frames go to fire.op.op-a.signal.unregistered. Lowest connection count"
                + " the restarted gateway reported: "
                + (lowest == Double.MAX_VALUE ? "none" : Math.round(lowest))
                + ".");
        before.exceptions().forEach(result::note);
        during.exceptions().forEach(result::note);
      }
    }
    return result;
  }

  private static double seconds(long t, long from) {
    return t < 0 ? -1 : (t - from) / 1e9;
  }
}
