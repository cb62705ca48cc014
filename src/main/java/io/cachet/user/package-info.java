/**
 * Dashboard users and their API tokens: accounts with BCrypt passwords, the admin and
 * user levels, token authentication for the API and the unattended first-run admin.
 * <p>
 * Each user has a random security stamp, renewed whenever what the user may do changes
 * (password, role, two-factor setting, username, deactivation; every user after a backup
 * import), together with the deletion of their remember-me logins ({@code
 * persistent_logins}, Spring Security's {@code JdbcTokenRepositoryImpl}). A dashboard
 * session carries the stamp it was opened with ({@link io.cachet.user.UserAccount}) and
 * ends once it differs, so nothing keeps a list of sessions and every node agrees. A TOTP
 * code is accepted once (the last accepted time step is stored), and a login names one
 * user only: no username is another user's e-mail address.
 */
@ApplicationModule(allowedDependencies = { "audit", "backup", "crypto", "mail", "settings", "shared" })
@NullMarked
package io.cachet.user;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
