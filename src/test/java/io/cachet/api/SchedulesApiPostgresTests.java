package io.cachet.api;

import io.cachet.persistence.OnPostgres;

@OnPostgres
class SchedulesApiPostgresTests extends SchedulesApiContractTests {

}
