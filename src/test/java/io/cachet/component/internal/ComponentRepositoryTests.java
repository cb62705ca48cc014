package io.cachet.component.internal;

import io.cachet.persistence.JdbcSliceTest;

/**
 * {@link ComponentRepositoryContractTests} on H2, the default database.
 */
@JdbcSliceTest
class ComponentRepositoryTests extends ComponentRepositoryContractTests {

}
