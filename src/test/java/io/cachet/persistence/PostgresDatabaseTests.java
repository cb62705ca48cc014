package io.cachet.persistence;

@OnPostgres
class PostgresDatabaseTests extends DatabaseContractTests {

}
