package io.cachet.user.internal;

import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;

/**
 * The users are the only Spring Data JDBC aggregate (every other module reads and writes
 * with {@code JdbcClient}), so the repository scan and the mapping context's entity scan
 * look in this package only. Left to Spring Boot, each read every class of
 * {@code io.cachet} at start-up to find {@link UserRepository} and {@link User}, two per
 * cent of the context refresh (docs/operations.md#start-up).
 */
@Configuration(proxyBeanMethods = false)
@EnableJdbcRepositories(basePackageClasses = UserRepository.class)
@EntityScan(basePackageClasses = User.class)
class UserPersistenceConfiguration {

}
