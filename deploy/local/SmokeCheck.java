import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Checks the local run with real clients, the way a service would use it. Needs only the {@code
 * deploy} classpath (no psql, nc or redis-cli):
 *
 * <pre>
 * java -cp "$CP" deploy/local/SmokeCheck.java write  MARK KAFKA_PORT PG_PORT REDIS_PORT
 * java -cp "$CP" deploy/local/SmokeCheck.java verify MARK KAFKA_PORT PG_PORT REDIS_PORT
 * </pre>
 *
 * <p>{@code write} stores MARK in each store and reads it straight back: a record sent with
 * acks=all to an auto-created topic (which must get 3 partitions), a row in database fenghuo, a
 * Redis key. {@code verify} only reads, to show that MARK survived a restart. Exits 1 on the first
 * failure.
 */
public class SmokeCheck {

  private static final String TOPIC = "fenghuo.smoke";
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  public static void main(String[] args) throws Exception {
    if (args.length != 5 || !List.of("write", "verify").contains(args[0])) {
      System.err.println("usage: SmokeCheck write|verify MARK KAFKA_PORT PG_PORT REDIS_PORT");
      System.exit(2);
    }
    boolean write = args[0].equals("write");
    String mark = args[1];
    String kafka = "127.0.0.1:" + args[2];
    int pgPort = Integer.parseInt(args[3]);
    int redisPort = Integer.parseInt(args[4]);
    try {
      kafka(kafka, mark, write);
      postgres(pgPort, mark, write);
      redis(redisPort, mark, write);
    } catch (Exception | AssertionError e) {
      System.out.println("FAIL " + e);
      System.exit(1);
    }
  }

  private static void kafka(String bootstrap, String mark, boolean write) throws Exception {
    long t0 = System.nanoTime();
    if (write) {
      Properties p = new Properties();
      p.put("bootstrap.servers", bootstrap);
      p.put("acks", "all");
      p.put("enable.idempotence", "true");
      p.put("request.timeout.ms", "10000");
      p.put("delivery.timeout.ms", String.valueOf(TIMEOUT.toMillis()));
      p.put("key.serializer", StringSerializer.class.getName());
      p.put("value.serializer", StringSerializer.class.getName());
      RecordMetadata sent;
      try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
        sent = producer.send(new ProducerRecord<>(TOPIC, mark, mark)).get();
      }
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
        TopicDescription d = admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC);
        check(
            d.partitions().size() == 3,
            "auto-created topic has 3 partitions, not " + d.partitions().size());
      }
      String read = readBack(bootstrap, List.of(new TopicPartition(TOPIC, sent.partition())), mark);
      check(mark.equals(read), "read back from Kafka: " + read);
      System.out.printf(
          "OK kafka     %s: produced (acks=all) to %s-%d@%d and read it back (%d ms)%n",
          bootstrap, TOPIC, sent.partition(), sent.offset(), ms(t0));
    } else {
      List<TopicPartition> all;
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
        TopicDescription d = admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC);
        all = d.partitions().stream().map(i -> new TopicPartition(TOPIC, i.partition())).toList();
      }
      String read = readBack(bootstrap, all, mark);
      check(mark.equals(read), "record " + mark + " not found in " + TOPIC);
      System.out.printf(
          "OK kafka     %s: record %s still in %s (%d ms)%n", bootstrap, mark, TOPIC, ms(t0));
    }
  }

  /** Reads the given partitions from the beginning until a record with key {@code mark}. */
  private static String readBack(String bootstrap, List<TopicPartition> partitions, String mark) {
    Properties p = new Properties();
    p.put("bootstrap.servers", bootstrap);
    p.put("key.deserializer", StringDeserializer.class.getName());
    p.put("value.deserializer", StringDeserializer.class.getName());
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      while (System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
          if (mark.equals(r.key())) {
            return r.value();
          }
        }
      }
    }
    return null;
  }

  private static void postgres(int port, String mark, boolean write) throws Exception {
    long t0 = System.nanoTime();
    String url = "jdbc:postgresql://127.0.0.1:" + port + "/fenghuo";
    try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
      if (write) {
        try (Statement s = c.createStatement()) {
          s.execute(
              "create table if not exists smoke_check (mark text primary key, at timestamptz default now())");
        }
        try (PreparedStatement ins =
            c.prepareStatement("insert into smoke_check (mark) values (?)")) {
          ins.setString(1, mark);
          ins.executeUpdate();
        }
      }
      try (PreparedStatement q =
          c.prepareStatement("select count(*) from smoke_check where mark = ?")) {
        q.setString(1, mark);
        try (ResultSet rs = q.executeQuery()) {
          rs.next();
          check(rs.getInt(1) == 1, "row " + mark + " not found in smoke_check");
        }
      }
      String version;
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("show server_version")) {
        rs.next();
        version = rs.getString(1);
      }
      System.out.printf(
          "OK postgres  %s (PostgreSQL %s): row %s %s (%d ms)%n",
          url, version, mark, write ? "written and read back" : "still there", ms(t0));
    }
  }

  private static void redis(int port, String mark, boolean write) throws Exception {
    long t0 = System.nanoTime();
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
      s.setSoTimeout((int) TIMEOUT.toMillis());
      OutputStream out = s.getOutputStream();
      BufferedReader in =
          new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
      check("+PONG".equals(command(out, in, "PING")), "PING");
      if (write) {
        check("+OK".equals(command(out, in, "SET", "fenghuo:smoke:" + mark, mark)), "SET");
      }
      String len = command(out, in, "GET", "fenghuo:smoke:" + mark);
      check(!"$-1".equals(len), "key fenghuo:smoke:" + mark + " not found");
      check(mark.equals(in.readLine()), "GET returned another value");
      String version = "?";
      int remaining = Integer.parseInt(command(out, in, "INFO", "server").substring(1)) + 2;
      while (remaining > 0) { // a bulk string: its length in bytes, then the lines, then CRLF
        String line = in.readLine();
        remaining -= line.getBytes(StandardCharsets.UTF_8).length + 2;
        if (line.startsWith("redis_version:")) {
          version = line.substring("redis_version:".length());
        }
      }
      System.out.printf(
          "OK redis     redis://127.0.0.1:%d (Redis %s): key %s (%d ms)%n",
          port, version, write ? "set and read back" : "still there", ms(t0));
    }
  }

  /** Sends one command in RESP and returns the first reply line. */
  private static String command(OutputStream out, BufferedReader in, String... words)
      throws Exception {
    String resp =
        "*"
            + words.length
            + "\r\n"
            + List.of(words).stream()
                .map(w -> "$" + w.getBytes(StandardCharsets.UTF_8).length + "\r\n" + w + "\r\n")
                .collect(Collectors.joining());
    out.write(resp.getBytes(StandardCharsets.UTF_8));
    out.flush();
    return in.readLine();
  }

  private static void check(boolean ok, String what) {
    if (!ok) {
      throw new AssertionError(what);
    }
  }

  private static long ms(long t0) {
    return (System.nanoTime() - t0) / 1_000_000;
  }
}
