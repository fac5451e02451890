import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the topics an operator's gateway writes, before their consumers start: {@code java -cp
 * <deploy classpath> deploy/local/CreateTopics.java 127.0.0.1:19092 op-a op-b}.
 *
 * <p>The local broker creates topics on first use, but a service subscribed by pattern (the
 * alarm-service to {@code fire.op.*.signal.alarm}) notices a topic created after its start only at
 * its next metadata refresh, up to 30 s later: the first fire of a fresh run would wait that long.
 * Production creates every topic explicitly (ARCHITECTURE.md §7); this does the same for the
 * gateway's streams (names as in contracts' {@code Stream}), with the broker's local defaults (3
 * partitions, replication factor 1). Topics that exist are left alone.
 */
public class CreateTopics {

  static final List<String> GATEWAY_STREAMS =
      List.of(
          "signal.alarm",
          "signal.status",
          "signal.telemetry",
          "signal.unregistered",
          "device.connection",
          "device.command-result");

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: CreateTopics <bootstrap> <operator>...");
      System.exit(2);
    }
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
    List<NewTopic> topics = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      for (String stream : GATEWAY_STREAMS) {
        topics.add(new NewTopic("fire.op." + args[i] + "." + stream, 3, (short) 1));
      }
    }
    try (Admin admin = Admin.create(props)) {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t.name())).toList();
      int created = 0;
      for (Map.Entry<String, org.apache.kafka.common.KafkaFuture<Void>> e :
          admin.createTopics(missing).values().entrySet()) {
        try {
          e.getValue().get(30, TimeUnit.SECONDS);
          created++;
        } catch (ExecutionException ex) {
          if (!(ex.getCause() instanceof TopicExistsException)) {
            throw ex;
          }
        }
      }
      System.out.println(
          "topics: " + created + " created, " + (topics.size() - missing.size()) + " existed");
    }
  }
}
