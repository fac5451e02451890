package io.fenghuo.dispatch.incident.messaging;

import io.fenghuo.contracts.dispatch.CommunicationTestSent;
import io.fenghuo.contracts.dispatch.ForwardPath;
import io.fenghuo.contracts.dispatch.IncidentReported;
import io.fenghuo.contracts.dispatch.IncidentWithdrawn;
import io.fenghuo.contracts.event.EventEnvelope;
import io.fenghuo.contracts.event.FenghuoEvent;
import io.fenghuo.contracts.kafka.CloudEventsCodec;
import io.fenghuo.contracts.topic.Stream;
import io.fenghuo.contracts.topic.TopicNames;
import io.fenghuo.dispatch.incident.CommunicationTesting;
import io.fenghuo.dispatch.incident.Dispatch;
import io.fenghuo.starter.kafka.EventPublisher;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The second path: posts every committed record for the 119 centre to its webhook (when one is
 * configured) and records the outcome on the incident's timeline. A delivery that fails after its
 * retries, or finds the circuit open, stays an incomplete publication and is tried again later; a
 * record the centre refuses (4xx) is recorded and not tried again.
 */
@Component
class WebhookRelay {

  private static final Logger log = LoggerFactory.getLogger(WebhookRelay.class);

  private final WebhookClient client;
  private final EventPublisher publisher;
  private final Dispatch dispatch;
  private final CommunicationTesting testing;

  WebhookRelay(
      ObjectProvider<WebhookClient> client,
      EventPublisher publisher,
      Dispatch dispatch,
      CommunicationTesting testing) {
    this.client = client.getIfAvailable();
    this.publisher = publisher;
    this.dispatch = dispatch;
    this.testing = testing;
  }

  /**
   * Delivers a committed record meant for the centre.
   *
   * @throws WebhookFailed if the centre could not be reached; the publication stays incomplete
   */
  @Async(RelayConfiguration.WEBHOOK)
  @TransactionalEventListener
  public void on(CentreRecord record) {
    if (client == null || TopicNames.parseRequired(record.topic()).stream() != Stream.INCIDENT) {
      return;
    }
    EventEnvelope<FenghuoEvent> envelope = KafkaRelay.envelope(record, publisher);
    WebhookClient.Delivery delivery = client.deliver(ceHeaders(envelope), record.data());
    Instant at = dispatch.clock().instant();
    String detail = delivery.detail() + ", " + delivery.attempts() + " attempt(s)";
    if (envelope.data() instanceof IncidentReported incident) {
      if (delivery.delivered()) {
        dispatch.forwarded(
            incident.incidentId(),
            incident.revision(),
            incident.attempt(),
            ForwardPath.WEBHOOK,
            at,
            detail);
      } else {
        dispatch.deliveryFailed(
            incident.incidentId(),
            incident.revision(),
            incident.attempt(),
            ForwardPath.WEBHOOK,
            at,
            detail);
      }
    } else if (envelope.data() instanceof IncidentWithdrawn withdrawal) {
      if (delivery.delivered()) {
        dispatch.forwarded(
            withdrawal.incidentId(), withdrawal.revision(), 1, ForwardPath.WEBHOOK, at, detail);
      } else {
        dispatch.deliveryFailed(
            withdrawal.incidentId(), withdrawal.revision(), 1, ForwardPath.WEBHOOK, at, detail);
      }
    } else if (envelope.data() instanceof CommunicationTestSent test) {
      testing.path(test.testId(), ForwardPath.WEBHOOK, delivery.delivered(), detail, at);
    }
    if (!delivery.delivered() && delivery.status() / 100 != 4) {
      log.warn("webhook delivery of {} {} failed: {}", record.type(), record.eventId(), detail);
      throw new WebhookFailed(record.type() + " " + record.eventId() + ": " + detail);
    }
  }

  private static Map<String, String> ceHeaders(EventEnvelope<FenghuoEvent> envelope) {
    var event = CloudEventsCodec.toCloudEvent(envelope);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("specversion", event.getSpecVersion().toString());
    headers.put("id", event.getId());
    headers.put("type", event.getType());
    headers.put("source", event.getSource().toString());
    headers.put("time", event.getTime().toString());
    headers.put("subject", event.getSubject());
    headers.put("dataschema", event.getDataSchema().toString());
    if (envelope.operator() != null) {
      headers.put(CloudEventsCodec.OPERATOR_EXTENSION, envelope.operator().value());
    }
    return headers;
  }

  /** The webhook path did not take a record this time. */
  static final class WebhookFailed extends RuntimeException {
    WebhookFailed(String message) {
      super(message);
    }
  }
}
