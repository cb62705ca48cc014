package io.cachet.incident.internal;

import io.cachet.persistence.JdbcSliceOnMariaDb;

/**
 * {@link IncidentRepositoryContractTests} on MariaDB.
 */
@JdbcSliceOnMariaDb
class IncidentRepositoryMariaDbTests extends IncidentRepositoryContractTests {

}
