package io.fenghuo.bench.gateway;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** One scrape of a service's {@code /actuator/prometheus}, with sums over matching series. */
final class Prometheus {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** A sample: the series ({@code name{labels}}) and its value. */
  record Sample(String name, String labels, double value) {}

  private final List<Sample> samples;

  Prometheus(List<Sample> samples) {
    this.samples = samples;
  }

  static Prometheus scrape(int port) throws IOException, InterruptedException {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                .timeout(Duration.ofSeconds(20))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IOException("prometheus scrape on port " + port + ": HTTP " + r.statusCode());
    }
    return parse(r.body());
  }

  static Prometheus parse(String text) {
    List<Sample> out = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int brace = line.indexOf('{');
      int space = line.lastIndexOf(' ');
      if (space < 0) {
        continue;
      }
      String name;
      String labels = "";
      if (brace >= 0 && brace < space) {
        name = line.substring(0, brace);
        labels = line.substring(brace + 1, line.lastIndexOf('}'));
      } else {
        name = line.substring(0, line.indexOf(' '));
      }
      try {
        out.add(new Sample(name, labels, Double.parseDouble(line.substring(space + 1).strip())));
      } catch (NumberFormatException e) {
        // a value we do not read (none in Micrometer's output)
      }
    }
    return new Prometheus(out);
  }

  /** Sum of the series named {@code name} whose labels contain every {@code label="value"}. */
  double sum(String name, String... labels) {
    double total = 0;
    for (Sample s : samples) {
      if (!s.name().equals(name)) {
        continue;
      }
      boolean all = true;
      for (String l : labels) {
        if (!s.labels().contains(l)) {
          all = false;
          break;
        }
      }
      if (all) {
        total += s.value();
      }
    }
    return total;
  }
}
