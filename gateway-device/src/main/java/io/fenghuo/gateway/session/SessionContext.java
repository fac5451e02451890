package io.fenghuo.gateway.session;

import io.fenghuo.gateway.GatewaySettings;
import io.fenghuo.gateway.bindings.DeviceBindings;
import io.fenghuo.gateway.liveness.Liveness;
import io.fenghuo.gateway.metrics.GatewayMetrics;
import io.fenghuo.gateway.uplink.BackPressure;
import io.fenghuo.gateway.uplink.SignalNormalizer;
import io.fenghuo.gateway.uplink.SignalPublisher;
import io.fenghuo.gb26875.profile.ProfileSelector;
import java.time.Clock;

/** What every session of an instance shares. */
public record SessionContext(
    GatewaySettings settings,
    SignalNormalizer normalizer,
    SignalPublisher publisher,
    BackPressure backPressure,
    Liveness liveness,
    DeviceBindings bindings,
    GatewayMetrics metrics,
    Sessions sessions,
    ProfileSelector profiles,
    Clock clock) {}
