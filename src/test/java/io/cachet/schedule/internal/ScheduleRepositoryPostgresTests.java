package io.cachet.schedule.internal;

import io.cachet.persistence.JdbcSliceOnPostgres;

/**
 * {@link ScheduleRepositoryContractTests} on PostgreSQL.
 */
@JdbcSliceOnPostgres
class ScheduleRepositoryPostgresTests extends ScheduleRepositoryContractTests {

}
