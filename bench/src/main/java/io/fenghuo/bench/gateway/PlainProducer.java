package io.fenghuo.bench.gateway;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Recorder;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The yardstick of {@code ingest}: a plain {@link KafkaProducer} (one thread, async sends, as fast
 * as its buffer lets it) writing records of the gateway's signal-record shape, with the producer
 * settings of the gateway's bulk lane ({@code acks=all}, idempotence, {@code linger.ms=10}, 128 KB
 * batches, no compression) to a topic laid out like the gateway's.
 */
final class PlainProducer {

  /** What the run saw: acknowledged records within the measured window, and send → ack. */
  record Outcome(
      long acked, long failed, double seconds, org.HdrHistogram.Histogram latencyMicros) {
    double perSecond() {
      return acked / seconds;
    }
  }

  private PlainProducer() {}

  static Map<String, Object> settings(String bootstrap) {
    Map<String, Object> p = new HashMap<>();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.LINGER_MS_CONFIG, 10);
    p.put(ProducerConfig.BATCH_SIZE_CONFIG, 131_072);
    p.put(ProducerConfig.CLIENT_ID_CONFIG, "bench-plain");
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    return p;
  }

  /** Warms up for {@code warmupSeconds}, then counts acknowledgements for {@code seconds}. */
  static Outcome run(
      String bootstrap, String topic, KafkaProbe.RecordShape shape, int warmupSeconds, int seconds)
      throws InterruptedException {
    Random random = new Random(1);
    byte[] value = new byte[shape.valueBytes()];
    random.nextBytes(value);
    byte[][] keys = new byte[10_000][];
    for (int i = 0; i < keys.length; i++) {
      // keys like the gateway's (device addresses): as many distinct ones as the fleet
      String k = String.format("%0" + Math.max(1, shape.keyBytes()) + "x", 0xf10000000001L + i);
      keys[i] = k.substring(k.length() - Math.max(1, shape.keyBytes())).getBytes();
    }
    AtomicLong acked = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    Recorder latency = new Recorder(3);
    long measuring = System.nanoTime() + TimeUnit.SECONDS.toNanos(warmupSeconds);
    long end = measuring + TimeUnit.SECONDS.toNanos(seconds);
    long ackedAtStart = -1;
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(settings(bootstrap))) {
      long i = 0;
      long now;
      while ((now = System.nanoTime()) < end) {
        if (ackedAtStart < 0 && now >= measuring) {
          ackedAtStart = acked.get();
          latency.reset();
        }
        ProducerRecord<byte[], byte[]> r =
            new ProducerRecord<>(
                topic, null, keys[(int) (i++ % keys.length)], value, shape.headers());
        long sent = System.nanoTime();
        producer.send(
            r,
            (md, e) -> {
              if (e == null) {
                acked.incrementAndGet();
                latency.recordValue(Math.max(1, (System.nanoTime() - sent) / 1000));
              } else {
                failed.incrementAndGet();
              }
            });
      }
      long ackedAtEnd = acked.get();
      producer.flush();
      return new Outcome(
          ackedAtEnd - Math.max(0, ackedAtStart),
          failed.get(),
          (end - measuring) / 1e9,
          latency.getIntervalHistogram());
    }
  }
}
