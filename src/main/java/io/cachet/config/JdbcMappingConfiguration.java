package io.cachet.config;

import java.util.Optional;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jdbc.core.convert.JdbcCustomConversions;
import org.springframework.data.jdbc.core.mapping.JdbcMappingContext;
import org.springframework.data.relational.RelationalManagedTypes;
import org.springframework.data.relational.core.mapping.DefaultNamingStrategy;
import org.springframework.data.relational.core.mapping.NamingStrategy;

/**
 * Spring Data JDBC without quoted identifiers. The migrations use unquoted names, which
 * each database folds its own way (H2 to upper case, PostgreSQL to lower case); quoted
 * names in the generated SQL would have to match one spelling on all three databases, and
 * cannot.
 */
@Configuration(proxyBeanMethods = false)
class JdbcMappingConfiguration {

	@Bean
	JdbcMappingContext jdbcMappingContext(Optional<NamingStrategy> namingStrategy,
			JdbcCustomConversions customConversions, RelationalManagedTypes managedTypes) {
		JdbcMappingContext context = new JdbcMappingContext(namingStrategy.orElse(DefaultNamingStrategy.INSTANCE));
		context.setForceQuote(false);
		context.setSimpleTypeHolder(customConversions.getSimpleTypeHolder());
		context.setManagedTypes(managedTypes);
		return context;
	}

}
