package io.marquee.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A test of the whole application through real HTTP, against the PostgreSQL database and Redis of the run
 * (scripts/test gives each run a freshly migrated database and its own Redis key prefix). Tests create their own
 * data with unique ids so they can run in any order; time is moved with {@link MutableClock}, never slept away.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
public @interface IntegrationTest {}
