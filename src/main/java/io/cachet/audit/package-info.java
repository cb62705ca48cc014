/**
 * The audit log (Cachet's "actions"): every change, who made it and when. Modules publish
 * events that implement {@link io.cachet.audit.AuditableEvent} (most publish a
 * {@link io.cachet.audit.RecordChanged}, its subject and action as enums whose values are
 * the strings stored in {@code actions}); they are written in the same transaction as the
 * change, so there is no change without its record and no record without its change.
 */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package io.cachet.audit;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
