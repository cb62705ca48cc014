package io.cachet.component;

import java.util.List;

import org.junit.jupiter.api.Test;

import static io.cachet.component.ComponentStatus.MAJOR_OUTAGE;
import static io.cachet.component.ComponentStatus.OPERATIONAL;
import static io.cachet.component.ComponentStatus.PARTIAL_OUTAGE;
import static io.cachet.component.ComponentStatus.PERFORMANCE_ISSUES;
import static io.cachet.component.ComponentStatus.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

class OverallStatusTests {

	@Test
	void allOperationalWithoutIncidentsIsSuccess() {
		assertThat(OverallStatus.of(List.of(OPERATIONAL, OPERATIONAL), 50, 0))
			.isEqualTo(new OverallStatus("success", "All systems are operational", "favicon"));
		assertThat(OverallStatus.of(List.of(OPERATIONAL), 50, 0).message()).isEqualTo("System operational");
		assertThat(OverallStatus.of(List.of(), 50, 0).level()).isEqualTo("success");
	}

	@Test
	void unresolvedIncidentKeepsOperationalComponentsAtInfo() {
		assertThat(OverallStatus.of(List.of(OPERATIONAL, OPERATIONAL), 50, 1))
			.isEqualTo(new OverallStatus("info", "Some systems are experiencing issues", "favicon-high-alert"));
	}

	@Test
	void majorOutageRateDecidesDanger() {
		assertThat(OverallStatus.of(List.of(MAJOR_OUTAGE, OPERATIONAL), 50, 0))
			.isEqualTo(new OverallStatus("danger", "Some systems are experiencing major issues", "favicon-high-alert"));
		assertThat(OverallStatus.of(List.of(MAJOR_OUTAGE, OPERATIONAL, OPERATIONAL), 50, 0).level()).isEqualTo("info");
		assertThat(OverallStatus.of(List.of(MAJOR_OUTAGE, OPERATIONAL, OPERATIONAL), 30, 0).level())
			.isEqualTo("danger");
		assertThat(OverallStatus.of(List.of(MAJOR_OUTAGE), 50, 0).message())
			.isEqualTo("The system is experiencing major issues");
	}

	@Test
	void degradedComponentsAreInfoWithMediumAlert() {
		assertThat(OverallStatus.of(List.of(PERFORMANCE_ISSUES, OPERATIONAL), 50, 0))
			.isEqualTo(new OverallStatus("info", "Some systems are experiencing issues", "favicon-medium-alert"));
		assertThat(OverallStatus.of(List.of(PARTIAL_OUTAGE), 50, 0))
			.isEqualTo(new OverallStatus("info", "The system is experiencing issues", "favicon-medium-alert"));
	}

	@Test
	void unknownStatusIsNotOperational() {
		assertThat(OverallStatus.of(List.of(UNKNOWN, OPERATIONAL), 50, 0))
			.isEqualTo(new OverallStatus("info", "Some systems are experiencing issues", "favicon-high-alert"));
	}

}
