package io.cachet.schedule.internal;

import io.cachet.persistence.JdbcSliceOnMariaDb;

/**
 * {@link ScheduleRepositoryContractTests} on MariaDB.
 */
@JdbcSliceOnMariaDb
class ScheduleRepositoryMariaDbTests extends ScheduleRepositoryContractTests {

}
