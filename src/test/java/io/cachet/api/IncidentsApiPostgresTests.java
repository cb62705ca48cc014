package io.cachet.api;

import io.cachet.persistence.OnPostgres;

@OnPostgres
class IncidentsApiPostgresTests extends IncidentsApiContractTests {

}
