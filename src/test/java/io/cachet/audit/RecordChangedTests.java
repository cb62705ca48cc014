package io.cachet.audit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit log's stored values and sentences are the ones the per-module change events
 * wrote before there was one event, so that old and new rows read alike.
 */
class RecordChangedTests {

	@Test
	void describesANamedRecordByVerbNounAndName() {
		assertThat(RecordChanged.named(AuditSubject.COMPONENT, 1, AuditAction.CREATED, "API").description())
			.isEqualTo("Created component API");
		assertThat(RecordChanged.named(AuditSubject.COMPONENT_GROUP, 2, AuditAction.DELETED, "Web").description())
			.isEqualTo("Deleted component group Web");
		assertThat(RecordChanged.named(AuditSubject.SCHEDULE, 3, AuditAction.UPDATED, "Database").description())
			.isEqualTo("Updated maintenance Database");
		assertThat(RecordChanged.named(AuditSubject.UPSTREAM, 4, AuditAction.COMPONENT_HIDDEN, "GitHub: Pages")
			.description()).isEqualTo("Component hidden upstream GitHub: Pages");
	}

	@Test
	void describesARecordWithoutAShownNameByItsId() {
		assertThat(RecordChanged.numbered(AuditSubject.WEBHOOK, 5, AuditAction.DELETED).description())
			.isEqualTo("Deleted webhook #5");
		assertThat(RecordChanged.numbered(AuditSubject.MONITOR, 6, AuditAction.CREATED).description())
			.isEqualTo("Created monitor #6");
		assertThat(RecordChanged.numbered(AuditSubject.SUBSCRIBER, 7, AuditAction.VERIFIED).description())
			.isEqualTo("Verified subscriber #7");
		assertThat(RecordChanged.numbered(AuditSubject.SUBSCRIPTION, 8, AuditAction.DELETED).description())
			.isEqualTo("Deleted subscription #8");
	}

	@Test
	void keepsTheStoredSubjectTypesAndVerbs() {
		assertThat(AuditSubject.COMPONENT_GROUP.value()).isEqualTo("component_group");
		assertThat(AuditSubject.INCIDENT_UPDATE.value()).isEqualTo("incident_update");
		assertThat(AuditSubject.INCIDENT_TEMPLATE.value()).isEqualTo("incident_template");
		assertThat(AuditSubject.METRIC_POINT.value()).isEqualTo("metric_point");
		assertThat(AuditSubject.SCHEDULE.value()).isEqualTo("schedule");
		assertThat(AuditAction.STATUS_CHANGED.value()).isEqualTo("status_changed");
		assertThat(AuditAction.COMPONENT_SHOWN.value()).isEqualTo("component shown");
		RecordChanged change = new RecordChanged(AuditSubject.INCIDENT, 9, AuditAction.CREATED, "Reported incident X");
		assertThat(change.auditSubject()).isEqualTo(AuditSubject.INCIDENT);
		assertThat(change.auditSubjectId()).isEqualTo(9L);
		assertThat(change.auditDescription()).isEqualTo("Reported incident X");
	}

}
