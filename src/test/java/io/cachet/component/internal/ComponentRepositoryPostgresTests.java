package io.cachet.component.internal;

import io.cachet.persistence.JdbcSliceOnPostgres;

/**
 * {@link ComponentRepositoryContractTests} on PostgreSQL.
 */
@JdbcSliceOnPostgres
class ComponentRepositoryPostgresTests extends ComponentRepositoryContractTests {

}
