package cn.jiaoyun.test;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test against the whole server: a fresh PostgreSQL database, migrated and provisioned with
 * the demo bureaus (users {@code admin}, {@code supervisor}, {@code reporter}, {@code viewer}
 * per bureau and {@code platform}, all with {@link JiaoyunTestContextBuilder#DEMO_PASSWORD}),
 * and the HTTP server on a random port. Tests are not wrapped in a rollback transaction: they
 * see the server as a client does.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@MicronautTest(contextBuilder = JiaoyunTestContextBuilder.class, transactional = false)
public @interface JiaoyunTest {
}
