package io.cachet.monitor;

import io.cachet.persistence.OnMariaDb;

@OnMariaDb
class MonitorStoreMariaDbTests extends MonitorStoreContractTests {

}
