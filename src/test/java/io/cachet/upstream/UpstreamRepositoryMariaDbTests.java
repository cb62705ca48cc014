package io.cachet.upstream;

import io.cachet.persistence.OnMariaDb;

@OnMariaDb
class UpstreamRepositoryMariaDbTests extends UpstreamRepositoryContractTests {

}
