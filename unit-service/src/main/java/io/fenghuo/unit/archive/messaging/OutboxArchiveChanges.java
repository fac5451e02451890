package io.fenghuo.unit.archive.messaging;

import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.id.UnitId;
import io.fenghuo.unit.archive.ArchiveChanges;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Records archive changes as application events. Published inside the change's transaction, each is
 * written to the event publication registry (table {@code event_publication}) before commit: the
 * change and its pending publication commit together or not at all.
 */
@Component
class OutboxArchiveChanges implements ArchiveChanges {

  private final ApplicationEventPublisher events;

  OutboxArchiveChanges(ApplicationEventPublisher events) {
    this.events = events;
  }

  @Override
  public void changed(OperatorId operator, UnitId unit) {
    events.publishEvent(new UnitStreamChange(operator.value(), unit.value()));
  }
}
