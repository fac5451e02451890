package io.fenghuo.unit.archive;

import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.id.UnitId;

/**
 * Records that a unit's archive changed (port), inside the transaction of the change, so that the
 * change and its publication on the unit stream commit together (transactional outbox).
 */
public interface ArchiveChanges {

  /** The unit or one of its parts changed (or the unit was removed). */
  void changed(OperatorId operator, UnitId unit);
}
