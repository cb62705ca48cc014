package io.cachet.metric.internal;

import io.cachet.persistence.JdbcSliceTest;

/**
 * {@link MetricRepositoryContractTests} on H2, the default database.
 */
@JdbcSliceTest
class MetricRepositoryTests extends MetricRepositoryContractTests {

}
