package io.cachet.persistence;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

@EnabledIfDatabaseServer(name = "MariaDB", port = 3306)
@SpringBootTest(properties = { "spring.datasource.url=jdbc:mariadb://127.0.0.1:3306/test",
		"spring.datasource.username=root", "spring.datasource.password=", "spring.flyway.clean-disabled=false" })
@Import(DatabaseContractTests.Support.class)
class MariaDbDatabaseTests extends DatabaseContractTests {

}
