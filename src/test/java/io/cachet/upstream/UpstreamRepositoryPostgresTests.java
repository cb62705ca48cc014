package io.cachet.upstream;

import io.cachet.persistence.OnPostgres;

@OnPostgres
class UpstreamRepositoryPostgresTests extends UpstreamRepositoryContractTests {

}
