package io.cachet.persistence;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.cachet.component.internal.ComponentGroupRepository;
import io.cachet.component.internal.ComponentRepository;
import io.cachet.incident.internal.IncidentRepository;
import io.cachet.metric.internal.MetricPointQueries;
import io.cachet.metric.internal.MetricRepository;
import io.cachet.schedule.internal.ScheduleRepository;

import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase.Replace;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.boot.test.autoconfigure.json.AutoConfigureJson;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;

/**
 * A {@code @JdbcTest} slice on the real migrations: a {@code JdbcClient} on the test
 * database (the private in-memory H2 of {@code config/application.properties}, or the
 * server {@link JdbcSliceOnPostgres} and {@link JdbcSliceOnMariaDb} point at), migrated
 * by Flyway with the vendor placeholders of {@code FlywayVendorPlaceholders}, and the
 * application's {@code JsonMapper}, and the repositories whose queries have contract
 * tests. They are imported here rather than by each test, so that all the JDBC slice
 * classes on one database share one application context. Each test runs in a transaction
 * that is rolled back.
 * <p>
 * On the shared PostgreSQL and MariaDB databases other test classes leave rows behind,
 * and the schema is migrated but never cleaned here: a test empties the tables it reads
 * first, inside its transaction.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@JdbcTest(includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
		pattern = "io\\.cachet\\.config\\.FlywayVendorPlaceholders"))
@AutoConfigureTestDatabase(replace = Replace.NONE)
@AutoConfigureJson
@Import({ ComponentRepository.class, ComponentGroupRepository.class, IncidentRepository.class, MetricRepository.class,
		MetricPointQueries.class, ScheduleRepository.class })
public @interface JdbcSliceTest {

}
