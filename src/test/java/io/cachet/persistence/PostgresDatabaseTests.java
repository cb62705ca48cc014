package io.cachet.persistence;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

@EnabledIfDatabaseServer(name = "PostgreSQL", port = 5432)
@SpringBootTest(properties = { "spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/test",
		"spring.datasource.username=postgres", "spring.datasource.password=", "spring.flyway.clean-disabled=false" })
@Import(DatabaseContractTests.Support.class)
class PostgresDatabaseTests extends DatabaseContractTests {

}
