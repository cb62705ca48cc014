package io.cachet.api;

import io.cachet.persistence.OnMariaDb;

@OnMariaDb
class MetricsApiMariaDbTests extends MetricsApiContractTests {

}
