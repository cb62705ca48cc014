/**
 * Sending e-mail: SMTP from the standard Spring variables ({@code SPRING_MAIL_HOST}, ...)
 * or, when those are not set, from the mail settings of the dashboard.
 */
@NullMarked
package io.cachet.mail;

import org.jspecify.annotations.NullMarked;
