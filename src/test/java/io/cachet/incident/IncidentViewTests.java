package io.cachet.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * An incident's status rules: its latest update decides its status and whether it is
 * resolved (updates come latest first), and its duration runs to that update.
 */
class IncidentViewTests {

	static final Instant OCCURRED = Instant.parse("2026-12-01T10:00:00Z");

	@Test
	void withoutUpdatesTheIncidentsOwnStatusCounts() {
		IncidentView incident = incident(IncidentStatus.INVESTIGATING);

		assertThat(incident.latestUpdate()).isNull();
		assertThat(incident.latestStatus()).isEqualTo(IncidentStatus.INVESTIGATING);
		assertThat(incident.isResolved()).isFalse();
		assertThat(incident.duration()).isZero();
		assertThat(incident(IncidentStatus.FIXED).isResolved()).isTrue();
	}

	@Test
	void theLatestUpdateDecidesTheStatus() {
		IncidentView incident = incident(IncidentStatus.INVESTIGATING, update(2, IncidentStatus.FIXED, 90),
				update(1, IncidentStatus.IDENTIFIED, 30));

		assertThat(incident.latestUpdate().id()).isEqualTo(2);
		assertThat(incident.latestStatus()).isEqualTo(IncidentStatus.FIXED);
		assertThat(incident.isResolved()).isTrue();
		assertThat(incident.duration()).isEqualTo(Duration.ofMinutes(90));
	}

	@Test
	void aFixedIncidentWithANewerUpdateIsOpenAgain() {
		IncidentView incident = incident(IncidentStatus.FIXED, update(2, IncidentStatus.WATCHING, 10));

		assertThat(incident.latestStatus()).isEqualTo(IncidentStatus.WATCHING);
		assertThat(incident.isResolved()).isFalse();
	}

	@Test
	void statusesAreCachetsCodes() {
		assertThat(IncidentStatus.of(0)).isEqualTo(IncidentStatus.REPORTED);
		assertThat(IncidentStatus.of(4)).isEqualTo(IncidentStatus.FIXED);
		assertThat(IncidentStatus.FIXED.label()).isEqualTo("Fixed");
		assertThat(IncidentStatus.fromCode(5)).isEmpty();
		assertThatIllegalArgumentException().isThrownBy(() -> IncidentStatus.of(-1));
	}

	static IncidentView incident(IncidentStatus status, IncidentUpdateView... updates) {
		return new IncidentView(1, null, 0, "Outage", status, true, false, true, "", OCCURRED, OCCURRED, OCCURRED, null,
				Map.of(), List.of(updates), List.of());
	}

	static IncidentUpdateView update(long id, IncidentStatus status, int minutesAfter) {
		Instant at = OCCURRED.plus(Duration.ofMinutes(minutesAfter));
		return new IncidentUpdateView(id, 1, status, "", null, at, at);
	}

}
