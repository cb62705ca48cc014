package io.cachet.persistence;

@OnH2
class H2DatabaseTests extends DatabaseContractTests {

}
