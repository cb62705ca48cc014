package io.cachet.metric.internal;

import io.cachet.persistence.JdbcSliceOnPostgres;

/**
 * {@link MetricRepositoryContractTests} on PostgreSQL.
 */
@JdbcSliceOnPostgres
class MetricRepositoryPostgresTests extends MetricRepositoryContractTests {

}
