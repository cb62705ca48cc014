package io.cachet.monitor;

import io.cachet.persistence.OnPostgres;

@OnPostgres
class MonitorStorePostgresTests extends MonitorStoreContractTests {

}
