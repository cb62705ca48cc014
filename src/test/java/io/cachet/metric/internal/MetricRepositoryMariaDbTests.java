package io.cachet.metric.internal;

import io.cachet.persistence.JdbcSliceOnMariaDb;

/**
 * {@link MetricRepositoryContractTests} on MariaDB.
 */
@JdbcSliceOnMariaDb
class MetricRepositoryMariaDbTests extends MetricRepositoryContractTests {

}
