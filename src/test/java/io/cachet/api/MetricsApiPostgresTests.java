package io.cachet.api;

import io.cachet.persistence.OnPostgres;

@OnPostgres
class MetricsApiPostgresTests extends MetricsApiContractTests {

}
