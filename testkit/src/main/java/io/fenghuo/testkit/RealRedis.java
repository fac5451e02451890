package io.fenghuo.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class that uses the shared Redis server ({@link TestInfrastructure#redis()}): it is
 * started before the class's tests (together with the other {@code Real*} parts the class asks
 * for), and test methods, constructors and lifecycle methods can take a {@link Redis} parameter.
 *
 * @see InfrastructureExtension
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(InfrastructureExtension.class)
public @interface RealRedis {}
