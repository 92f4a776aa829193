package io.streamsight.topology.runtime;

import io.streamsight.schemas.Topic;
import io.streamsight.schemas.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates the catalogue's topics that do not exist yet. */
public final class TopicCreator {

  private TopicCreator() {}

  /**
   * The topics to create: every catalogue topic with the configured partitions and replicas;
   * reference-data topics compacted, so the latest value per key is kept for ever.
   */
  public static List<NewTopic> newTopics(Topics topics, int partitions, int replicationFactor) {
    Optional<Short> replicas =
        replicationFactor < 0 ? Optional.empty() : Optional.of((short) replicationFactor);
    List<NewTopic> result = new ArrayList<>();
    for (Topic<?, ?> topic : topics.all()) {
      NewTopic newTopic = new NewTopic(topic.name(), Optional.of(partitions), replicas);
      if (topics.compacted().contains(topic)) {
        newTopic.configs(
            Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
      }
      result.add(newTopic);
    }
    return result;
  }

  /** Creates what is missing; topics that exist already are left as they are. */
  public static void createMissing(Map<String, Object> adminProps, List<NewTopic> newTopics)
      throws InterruptedException {
    try (Admin admin = Admin.create(adminProps)) {
      var existing = admin.listTopics().names().get();
      List<NewTopic> missing =
          newTopics.stream().filter(t -> !existing.contains(t.name())).toList();
      if (missing.isEmpty()) {
        return;
      }
      for (var entry : admin.createTopics(missing).values().entrySet()) {
        try {
          entry.getValue().get();
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw new IllegalStateException(
                "cannot create topic " + entry.getKey() + ": " + e.getCause().getMessage(),
                e.getCause());
          }
        }
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot list topics: " + e.getCause().getMessage(), e);
    }
  }
}
