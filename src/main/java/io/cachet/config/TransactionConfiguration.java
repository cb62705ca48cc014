package io.cachet.config;

import java.sql.SQLException;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The transaction manager Spring Boot would make, except for a transaction whose
 * connection was lost (the database went away mid-statement): its rollback cannot run,
 * and need not, since the server drops an unfinished transaction with the connection.
 * Without this, the failed rollback replaces the error that made it roll back (an outage,
 * answered 503) and is logged with a stack trace on every such request.
 */
@Configuration(proxyBeanMethods = false)
class TransactionConfiguration {

	@Bean
	JdbcTransactionManager transactionManager(DataSource dataSource,
			ObjectProvider<TransactionManagerCustomizers> customizers) {
		LostConnectionTolerantTransactionManager manager = new LostConnectionTolerantTransactionManager(dataSource);
		customizers.ifAvailable((customizer) -> customizer.customize(manager));
		return manager;
	}

	static class LostConnectionTolerantTransactionManager extends JdbcTransactionManager {

		private static final Logger log = LoggerFactory.getLogger(LostConnectionTolerantTransactionManager.class);

		LostConnectionTolerantTransactionManager(DataSource dataSource) {
			super(dataSource);
		}

		@Override
		protected void doRollback(DefaultTransactionStatus status) {
			try {
				super.doRollback(status);
			}
			catch (RuntimeException ex) {
				if (!connectionLost()) {
					throw ex;
				}
				log.debug("No rollback on a lost connection: the server dropped the transaction with it", ex);
			}
		}

		private boolean connectionLost() {
			Object resource = TransactionSynchronizationManager.getResource(obtainDataSource());
			if (!(resource instanceof ConnectionHolder holder)) {
				return false;
			}
			try {
				return holder.getConnection().isClosed();
			}
			catch (SQLException ex) {
				return true;
			}
			catch (IllegalStateException ex) {
				// no connection held: nothing was lost
				return false;
			}
		}

	}

}
