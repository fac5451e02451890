package io.fenghuo.bench.gateway;

import java.util.List;

/**
 * Least-squares line through (connections, heap after GC) points: the slope is the heap one more
 * connection costs, the intercept what the gateway holds without any.
 *
 * @param bytesPerConnection slope, bytes
 * @param interceptBytes heap at zero connections, bytes
 * @param r2 coefficient of determination (1 = every point on the line)
 */
record HeapFit(double bytesPerConnection, double interceptBytes, double r2) {

  /** A measured point. */
  record Point(double connections, double heapBytes) {}

  /**
   * @throws IllegalArgumentException with fewer than two distinct connection counts
   */
  static HeapFit of(List<Point> points) {
    int n = points.size();
    double sx = 0;
    double sy = 0;
    for (Point p : points) {
      sx += p.connections();
      sy += p.heapBytes();
    }
    double mx = sx / n;
    double my = sy / n;
    double sxx = 0;
    double sxy = 0;
    double syy = 0;
    for (Point p : points) {
      double dx = p.connections() - mx;
      double dy = p.heapBytes() - my;
      sxx += dx * dx;
      sxy += dx * dy;
      syy += dy * dy;
    }
    if (n < 2 || sxx == 0) {
      throw new IllegalArgumentException("need at least two different connection counts");
    }
    double slope = sxy / sxx;
    double intercept = my - slope * mx;
    double r2 = syy == 0 ? 1 : (sxy * sxy) / (sxx * syy);
    return new HeapFit(slope, intercept, r2);
  }

  /** Connections at which the fitted heap reaches {@code heapBytes}. */
  double connectionsAt(double heapBytes) {
    return (heapBytes - interceptBytes) / bytesPerConnection;
  }
}
