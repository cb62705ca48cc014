/**
 * The admin dashboard: setup wizard, login with remember-me, TOTP two-factor
 * authentication and throttling, and the pages that manage the status page. A session
 * ends at its next dashboard request once the account behind it changed
 * ({@link io.cachet.dashboard.SessionRevocationFilter}); remember-me logins are revocable
 * rows in the database ({@link io.cachet.dashboard.RevocableRememberMeServices}).
 */
@ApplicationModule(allowedDependencies = { "audit", "backup", "cachetimport", "cluster", "component", "crypto",
		"incident", "mail", "metric", "monitor", "notification", "outbound", "schedule", "settings", "shared", "sso",
		"statuspage", "subscriber", "upstream", "user" })
@NullMarked
package io.cachet.dashboard;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
