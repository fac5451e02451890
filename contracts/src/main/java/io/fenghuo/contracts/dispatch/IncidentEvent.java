package io.fenghuo.contracts.dispatch;

import io.fenghuo.contracts.event.FenghuoEvent;

/**
 * What the dispatch-119 service sends to the 119 command centre on {@code fire.119.incident}: the
 * incidents, withdrawals of unconfirmed ones, and the daily communication test (GB 50440 §8).
 */
public sealed interface IncidentEvent extends FenghuoEvent
    permits IncidentReported, IncidentWithdrawn, CommunicationTestSent {}
