package io.fenghuo.e2e;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;

/**
 * Starts the {@link Platform} and the {@link KafkaTap} once for all test classes of the run (they
 * are kept in the root context's store) and stops both after the last one.
 */
final class PlatformExtension implements BeforeAllCallback {

  private static final Namespace NAMESPACE = Namespace.create(PlatformExtension.class);

  /** The shared platform; set before any test class using the extension runs. */
  static Platform platform;

  /** Every record on the platform's operator and 119 topics since it started. */
  static KafkaTap tap;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    context
        .getRoot()
        .getStore(NAMESPACE)
        .computeIfAbsent(
            "platform",
            key -> {
              try {
                Shared shared = new Shared(Platform.start());
                platform = shared.platform;
                tap = shared.tap;
                return shared;
              } catch (Exception e) {
                throw new IllegalStateException("the platform did not start", e);
              }
            },
            Shared.class);
  }

  /** Closed by JUnit when the root context closes, i.e. after the last test. */
  private record Shared(Platform platform, KafkaTap tap) implements AutoCloseable {
    Shared(Platform platform) {
      this(platform, KafkaTap.start(platform.kafkaBootstrap()));
    }

    @Override
    public void close() throws Exception {
      try {
        tap.close();
      } finally {
        platform.close();
      }
    }
  }
}
