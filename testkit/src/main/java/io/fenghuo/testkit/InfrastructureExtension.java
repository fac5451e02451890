package io.fenghuo.testkit;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * JUnit Jupiter extension behind {@link RealKafka}, {@link RealPostgres} and {@link RealRedis};
 * prefer those annotations over registering it directly.
 *
 * <p>Before all tests of a class it starts the parts the class is annotated with, in parallel, so
 * start-up time is not charged to the first test and the parts overlap on the CPU. It resolves
 * parameters of type {@link KafkaBroker}, {@link Postgres}, {@link Redis} and {@link
 * PostgresDatabase} to the shared instances of {@link TestInfrastructure}.
 *
 * <p>A part that fails to start fails the test class with the start-up exception.
 */
public final class InfrastructureExtension implements BeforeAllCallback, ParameterResolver {

  private static final Set<Class<?>> RESOLVABLE =
      Set.of(KafkaBroker.class, Postgres.class, Redis.class, PostgresDatabase.class);

  /** Creates the extension; JUnit does this for you. */
  public InfrastructureExtension() {}

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    Class<?> testClass = context.getRequiredTestClass();
    List<Supplier<?>> starts = new ArrayList<>();
    if (findAnnotation(testClass, RealKafka.class).isPresent()) {
      starts.add(TestInfrastructure::kafka);
    }
    if (findAnnotation(testClass, RealPostgres.class).isPresent()) {
      starts.add(TestInfrastructure::postgres);
    }
    if (findAnnotation(testClass, RealRedis.class).isPresent()) {
      starts.add(TestInfrastructure::redis);
    }
    startInParallel(starts);
  }

  private static void startInParallel(List<Supplier<?>> starts) throws InterruptedException {
    List<Thread> threads = new ArrayList<>();
    List<RuntimeException> failures = new ArrayList<>();
    for (Supplier<?> start : starts) {
      // Plain threads: the common pool has a single worker on a two-core machine.
      Thread thread =
          new Thread(
              () -> {
                try {
                  start.get();
                } catch (RuntimeException e) {
                  synchronized (failures) {
                    failures.add(e);
                  }
                }
              },
              "fenghuo-testkit-start");
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join();
    }
    if (!failures.isEmpty()) {
      RuntimeException first = failures.get(0);
      failures.subList(1, failures.size()).forEach(first::addSuppressed);
      throw first;
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return RESOLVABLE.contains(parameter.getParameter().getType());
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    if (type == KafkaBroker.class) {
      return TestInfrastructure.kafka();
    }
    if (type == Postgres.class) {
      return TestInfrastructure.postgres();
    }
    if (type == Redis.class) {
      return TestInfrastructure.redis();
    }
    if (type == PostgresDatabase.class) {
      Class<?> testClass = context.getRequiredTestClass();
      String name =
          findAnnotation(testClass, RealPostgres.class)
              .map(RealPostgres::database)
              .filter(database -> !database.isEmpty())
              .orElseGet(() -> databaseNameFor(testClass));
      return TestInfrastructure.postgres().database(name);
    }
    throw new ParameterResolutionException("Cannot resolve " + type.getName());
  }

  /**
   * The default database of a test class: its outermost class's simple name in snake case (for
   * {@code @Nested} classes, the class they are nested in), cut to PostgreSQL's 63-character limit
   * ({@code AlarmRepositoryIT} becomes {@code alarm_repository_it}).
   */
  static String databaseNameFor(Class<?> testClass) {
    Class<?> outermost = testClass;
    // Only inner classes (what @Nested requires) belong to their outer test class; a static
    // member class is a test class of its own.
    while (outermost.getEnclosingClass() != null && !Modifier.isStatic(outermost.getModifiers())) {
      outermost = outermost.getEnclosingClass();
    }
    String snake =
        outermost
            .getSimpleName()
            .replaceAll("([a-z0-9])([A-Z])", "$1_$2")
            .replaceAll("([A-Z]+)([A-Z][a-z])", "$1_$2")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9_]", "_");
    if (snake.isEmpty() || Character.isDigit(snake.charAt(0))) {
      snake = "_" + snake;
    }
    return snake.length() > 63 ? snake.substring(0, 63) : snake;
  }

  /**
   * Looks on the class, its superclasses (annotations are {@code @Inherited}) and outer classes.
   */
  private static <A extends java.lang.annotation.Annotation> Optional<A> findAnnotation(
      Class<?> testClass, Class<A> type) {
    for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
      Optional<A> found = AnnotationSupport.findAnnotation(c, type);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }
}
