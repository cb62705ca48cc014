package io.cachet.persistence;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

@SpringBootTest(properties = "spring.flyway.clean-disabled=false")
@Import(DatabaseContractTests.Support.class)
class H2DatabaseTests extends DatabaseContractTests {

}
