package io.cachet.incident.internal;

import io.cachet.persistence.JdbcSliceTest;

/**
 * {@link IncidentRepositoryContractTests} on H2, the default database.
 */
@JdbcSliceTest
class IncidentRepositoryTests extends IncidentRepositoryContractTests {

}
