package io.fenghuo.bench.platform;

import io.fenghuo.bench.local.LocalPlatform;
import io.fenghuo.bench.report.BenchResult;
import java.net.URI;

/**
 * What the platform scenarios do first once the platform is up: record the platform with the
 * result, load operator {@code op-a}'s seed UITDs, and close every alarm still open (so that the
 * first fire of each unit raises a new alarm).
 */
record OperatorSetup(LocalPlatform platform, SeedUitds seed, AlarmApi alarms) {

  static final String OPERATOR = LocalPlatform.OPERATOR;

  static OperatorSetup of(LocalPlatform p, BenchResult result) throws Exception {
    p.describe(result);
    SeedUitds seed = SeedUitds.load(p.seedDir(), OPERATOR);
    AlarmApi alarms = new AlarmApi(p.ports().alarmService(), p.token("operator", OPERATOR));
    LocalPlatform.log("closed " + alarms.closeAllOpen() + " open alarms of " + OPERATOR);
    return new OperatorSetup(p, seed, alarms);
  }

  /** The console's live alarm stream, signed in as the operator's seed user. */
  ConsoleSession signIn() throws Exception {
    return ConsoleSession.signIn(
        URI.create("http://127.0.0.1:" + platform.ports().console()),
        OPERATOR + "-operator",
        "fenghuo");
  }

  /** The seed UITDs connected to the gateway, fires observed on {@code live}. */
  FireProbe probe(ConsoleSession live) throws Exception {
    return FireProbe.start(platform.ports().gateway(), seed, live, alarms);
  }
}
