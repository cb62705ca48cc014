package io.cachet.upstream;

import io.cachet.persistence.OnH2;

@OnH2
class UpstreamRepositoryH2Tests extends UpstreamRepositoryContractTests {

}
