package io.fenghuo.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class that uses the shared PostgreSQL server ({@link TestInfrastructure#postgres()})
 * with a database of its own: the server is started before the class's tests (together with the
 * other {@code Real*} parts the class asks for), and test methods, constructors and lifecycle
 * methods can take a {@link Postgres} or a {@link PostgresDatabase} parameter.
 *
 * @see InfrastructureExtension
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(InfrastructureExtension.class)
public @interface RealPostgres {

  /**
   * The database injected as {@link PostgresDatabase}; see {@link Postgres#database(String)} for
   * the allowed names. Empty (the default) means the test class's simple name in snake case, e.g.
   * {@code alarm_repository_it} for {@code AlarmRepositoryIT}; {@code @Nested} classes use their
   * outermost class's name.
   */
  String database() default "";
}
