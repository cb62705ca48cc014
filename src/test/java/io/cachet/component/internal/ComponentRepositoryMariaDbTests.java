package io.cachet.component.internal;

import io.cachet.persistence.JdbcSliceOnMariaDb;

/**
 * {@link ComponentRepositoryContractTests} on MariaDB.
 */
@JdbcSliceOnMariaDb
class ComponentRepositoryMariaDbTests extends ComponentRepositoryContractTests {

}
