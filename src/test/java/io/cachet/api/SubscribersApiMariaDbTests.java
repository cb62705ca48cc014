package io.cachet.api;

import io.cachet.persistence.OnMariaDb;

@OnMariaDb
class SubscribersApiMariaDbTests extends SubscribersApiContractTests {

}
