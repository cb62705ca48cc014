package io.cachet.api;

import io.cachet.persistence.OnPostgres;

@OnPostgres
class SubscribersApiPostgresTests extends SubscribersApiContractTests {

}
