package io.cachet.monitor;

import io.cachet.persistence.OnH2;

@OnH2
class MonitorStoreH2Tests extends MonitorStoreContractTests {

}
