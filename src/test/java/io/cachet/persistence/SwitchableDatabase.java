package io.cachet.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Wraps the application's data source so that a test can take the database "down": while
 * {@link #DOWN} is set, every new connection is refused as the pool refuses it when the
 * server does not answer. Tests that set it reset it when done.
 */
@TestConfiguration(proxyBeanMethods = false)
public class SwitchableDatabase {

	public static final AtomicBoolean DOWN = new AtomicBoolean();

	@Bean
	static BeanPostProcessor switchableDataSource() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof DataSource dataSource && !(bean instanceof DelegatingDataSource)) {
					return new DelegatingDataSource(dataSource) {
						@Override
						public Connection getConnection() throws SQLException {
							if (DOWN.get()) {
								// what Hikari throws when no connection came within its
								// connection timeout
								throw new SQLTransientConnectionException(
										"Connection is not available, request timed out (test: the database is down)");
							}
							return super.getConnection();
						}
					};
				}
				return bean;
			}
		};
	}

}
