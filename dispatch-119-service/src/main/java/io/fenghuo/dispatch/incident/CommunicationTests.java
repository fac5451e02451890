package io.fenghuo.dispatch.incident;

import io.fenghuo.contracts.dispatch.IncidentId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where communication tests are kept (port); joins the caller's transaction. */
public interface CommunicationTests {

  void insert(CommunicationTest test);

  void update(CommunicationTest test);

  /** The test, locked for the rest of the transaction. */
  Optional<CommunicationTest> lock(IncidentId id);

  /** Pending tests past their deadline, locked, skipping those another instance holds. */
  List<CommunicationTest> lockOverdue(Instant now);

  /** Whether a test started at or after the instant (so a second instance skips its schedule). */
  boolean startedSince(Instant since);

  /** Newest first. */
  Page<CommunicationTest> page(int page, int size);
}
