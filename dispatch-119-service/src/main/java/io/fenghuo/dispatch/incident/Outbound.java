package io.fenghuo.dispatch.incident;

import io.fenghuo.contracts.dispatch.CommunicationTestSent;
import io.fenghuo.contracts.dispatch.DispatchEvent;
import io.fenghuo.contracts.dispatch.IncidentReported;
import io.fenghuo.contracts.dispatch.IncidentWithdrawn;
import io.fenghuo.contracts.dispatch.ReceiptIssued;
import io.fenghuo.contracts.id.OperatorId;

/**
 * Events leaving the service (port). Called inside the transaction of the state change they report,
 * they are stored with it (transactional outbox) and sent after commit; what is not sent yet when
 * the process dies is sent on the next start.
 */
public interface Outbound {

  /** To the 119 centre on {@code fire.119.incident}, and on the webhook path if configured. */
  void toCentre(IncidentReported incident);

  /** A withdrawal of an unconfirmed incident, on both paths. */
  void toCentre(IncidentWithdrawn withdrawal);

  /** The communication test, on both paths. */
  void toCentre(CommunicationTestSent test);

  /** A receipt on {@code fire.119.receipt}, on behalf of a dispatcher using the terminal. */
  void receipt(ReceiptIssued receipt);

  /** To the operator's {@code fire.op.<op>.dispatch}. */
  void toOperator(OperatorId operator, DispatchEvent event);
}
