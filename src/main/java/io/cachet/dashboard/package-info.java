/**
 * The admin dashboard: setup wizard, login with remember-me, TOTP two-factor
 * authentication and throttling, and the pages that manage the status page.
 */
@NullMarked
package io.cachet.dashboard;

import org.jspecify.annotations.NullMarked;
