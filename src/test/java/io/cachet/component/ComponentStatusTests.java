package io.cachet.component;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ComponentStatusTests {

	@Test
	void codesAndLabelsAreCachets() {
		assertThat(ComponentStatus.values()).extracting(ComponentStatus::code).containsExactly(0, 1, 2, 3, 4);
		assertThat(ComponentStatus.of(3)).isEqualTo(ComponentStatus.PARTIAL_OUTAGE);
		assertThat(ComponentStatus.PERFORMANCE_ISSUES.label()).isEqualTo("Performance Issues");
		assertThat(ComponentStatus.fromCode(5)).isEmpty();
		assertThatIllegalArgumentException().isThrownBy(() -> ComponentStatus.of(9))
			.withMessage("Unknown component status 9");
	}

	@Test
	void issuesAreAnythingWorseThanOperational() {
		assertThat(ComponentStatus.UNKNOWN.hasIssues()).isFalse();
		assertThat(ComponentStatus.OPERATIONAL.hasIssues()).isFalse();
		assertThat(ComponentStatus.PERFORMANCE_ISSUES.hasIssues()).isTrue();
		assertThat(ComponentStatus.MAJOR_OUTAGE.hasIssues()).isTrue();
	}

}
