package io.cachet.api;

import io.cachet.persistence.OnH2;

@OnH2
class SubscribersApiIntegrationTests extends SubscribersApiContractTests {

}
