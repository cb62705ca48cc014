package io.cachet.persistence;

@OnMariaDb
class MariaDbDatabaseTests extends DatabaseContractTests {

}
