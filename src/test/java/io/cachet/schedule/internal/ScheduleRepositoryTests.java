package io.cachet.schedule.internal;

import io.cachet.persistence.JdbcSliceTest;

/**
 * {@link ScheduleRepositoryContractTests} on H2, the default database.
 */
@JdbcSliceTest
class ScheduleRepositoryTests extends ScheduleRepositoryContractTests {

}
