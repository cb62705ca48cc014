package io.cachet.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Wraps the application's data source so that a test can take the database "down": while
 * {@link #DOWN} is set, every new connection is refused as by an unreachable server.
 * Tests that set it reset it when done.
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
								throw new SQLException("Connection refused (test)");
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
