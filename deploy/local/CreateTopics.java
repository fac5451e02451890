import io.fenghuo.contracts.id.OperatorId;
import io.fenghuo.contracts.topic.Scope;
import io.fenghuo.contracts.topic.Stream;
import io.fenghuo.contracts.topic.TopicNames;
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
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates every topic of the platform for the given operators before the services start: {@code
 * java -cp <deploy classpath>:<contracts jar> deploy/local/CreateTopics.java 127.0.0.1:19092 op-a
 * op-b}. For each operator every operator stream of contracts' {@link Stream} ({@code
 * fire.op.<op>.<stream>}), and once the 119 centre's and the region's streams ({@code
 * fire.119.incident}, {@code fire.119.receipt}, {@code fire.region.notice}).
 *
 * <p>The local broker creates topics on first use, but a service subscribed by pattern (the
 * alarm-service to {@code fire.op.*.signal.alarm}, {@code fire.op.*.dispatch}) notices a topic
 * created after its start only at its next metadata refresh (the starter's {@code
 * fenghuo.kafka.topic-discovery}, 5 s): the first fire or the first 119 receipt of a fresh run
 * would wait that long. Production creates every topic explicitly (ARCHITECTURE.md §7); this does
 * the same with the broker's local defaults (3 partitions, replication factor 1), compacted where
 * the stream is. Topics that exist are left alone.
 */
public class CreateTopics {

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: CreateTopics <bootstrap> <operator>...");
      System.exit(2);
    }
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
    List<NewTopic> topics = new ArrayList<>();
    for (Stream stream : Stream.values()) {
      if (stream.scope() == Scope.OPERATOR) {
        for (int i = 1; i < args.length; i++) {
          topics.add(topic(TopicNames.of(OperatorId.of(args[i]), stream).toString(), stream));
        }
      } else {
        topics.add(topic(TopicNames.of(stream).toString(), stream));
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

  private static NewTopic topic(String name, Stream stream) {
    NewTopic topic = new NewTopic(name, 3, (short) 1);
    return stream.compacted()
        ? topic.configs(
            Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))
        : topic;
  }
}
