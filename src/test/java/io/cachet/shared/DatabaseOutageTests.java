package io.cachet.shared;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseOutageTests {

	@Test
	void anUnreachableDatabaseIsAnOutage() {
		var refused = new SQLTransientConnectionException("HikariPool-1 - Connection is not available",
				new SQLException("Connection to 127.0.0.1:5432 refused", "08001", new ConnectException()));
		assertThat(DatabaseOutage.isOutage(new CannotCreateTransactionException("no connection", refused))).isTrue();
		assertThat(DatabaseOutage.isOutage(new CannotGetJdbcConnectionException("no connection", refused))).isTrue();
		assertThat(DatabaseOutage.isOutage(new DataAccessResourceFailureException("I/O error"))).isTrue();
		assertThat(DatabaseOutage.isOutage(new RuntimeException(new SQLException("I/O error", "08006")))).isTrue();
		assertThat(DatabaseOutage.isOutage(new org.springframework.dao.QueryTimeoutException("timed out"))).isTrue();
	}

	@Test
	void aRollbackThatFailedOnTheLostConnectionIsAnOutage() {
		var rollback = new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
		rollback.initApplicationException(new DataAccessResourceFailureException("An I/O error occurred"));
		assertThat(DatabaseOutage.isOutage(rollback)).isTrue();
		assertThat(DatabaseOutage.isOutage(new TransactionSystemException("commit failed"))).isFalse();
	}

	@Test
	void faultsOfTheStatementOrTheDataAreNot() {
		assertThat(DatabaseOutage.isOutage(
				new DataIntegrityViolationException("duplicate key", new SQLException("duplicate key value", "23505"))))
			.isFalse();
		assertThat(DatabaseOutage
			.isOutage(new BadSqlGrammarException("select", "SELECT nope", new SQLException("syntax error", "42601"))))
			.isFalse();
		assertThat(DatabaseOutage.isOutage(new IllegalStateException("bug"))).isFalse();
		assertThat(DatabaseOutage.isOutage(new org.springframework.dao.OptimisticLockingFailureException("stale")))
			.isFalse();
		assertThat(DatabaseOutage.isOutage(null)).isFalse();
	}

}
