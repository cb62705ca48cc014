package io.cachet.shared;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a database outage is noticed ({@code cachet.database.*}; the driver's timeouts are
 * set before the context starts, by {@code config/DatabaseTimeouts}).
 *
 * @param check how often the database is probed with a {@code SELECT 1} while it answers
 */
@ConfigurationProperties("cachet.database")
public record DatabaseProperties(@DefaultValue("5s") Duration check) {

}
