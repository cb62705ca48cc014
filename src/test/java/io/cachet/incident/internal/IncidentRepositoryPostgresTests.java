package io.cachet.incident.internal;

import io.cachet.persistence.JdbcSliceOnPostgres;

/**
 * {@link IncidentRepositoryContractTests} on PostgreSQL.
 */
@JdbcSliceOnPostgres
class IncidentRepositoryPostgresTests extends IncidentRepositoryContractTests {

}
