/**
 * Sending e-mail: SMTP from the standard Spring variables ({@code SPRING_MAIL_HOST}, ...)
 * or, when those are not set, from the mail settings of the dashboard.
 */
@ApplicationModule(allowedDependencies = { "settings" })
@NullMarked
package io.cachet.mail;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
