package io.fenghuo.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Timestamps of each hop of a flow, printed with the time from the previous hop and from the start.
 */
final class Hops {

  private record Hop(String name, Instant at) {}

  private final List<Hop> hops = new ArrayList<>();

  /** Records a hop at the given instant (e.g. a Kafka record's time) and returns it. */
  Instant at(String name, Instant at) {
    hops.add(new Hop(name, at));
    return at;
  }

  /** Records a hop now. */
  Instant now(String name) {
    return at(name, Instant.now());
  }

  Duration between(String from, String to) {
    return Duration.between(find(from), find(to));
  }

  private Instant find(String name) {
    return hops.stream()
        .filter(h -> h.name.equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no hop " + name))
        .at;
  }

  String table(String title) {
    StringBuilder out = new StringBuilder("[e2e] " + title + "\n");
    out.append(String.format("[e2e]   %-64s %10s %10s%n", "hop", "+ms", "total ms"));
    // In time order: hops timed by Kafka's record time can precede the API call that caused them
    // to return.
    List<Hop> ordered = new ArrayList<>(hops);
    ordered.sort(java.util.Comparator.comparing(Hop::at));
    Instant start = ordered.get(0).at;
    Instant previous = start;
    for (Hop h : ordered) {
      out.append(
          String.format(
              "[e2e]   %-64s %10d %10d%n",
              h.name,
              Duration.between(previous, h.at).toMillis(),
              Duration.between(start, h.at).toMillis()));
      previous = h.at;
    }
    return out.toString();
  }
}
