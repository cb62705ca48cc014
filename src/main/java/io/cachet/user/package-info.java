/**
 * Dashboard users and their API tokens: accounts with BCrypt passwords, the admin and
 * user levels, token authentication for the API and the unattended first-run admin.
 */
@NullMarked
package io.cachet.user;

import org.jspecify.annotations.NullMarked;
