/**
 * The JSON REST API under {@code /api/v1}, wire-compatible with Cachet 2.4: its
 * envelopes, its error format, {@code X-Cachet-Token} authentication and its status
 * codes.
 */
@NullMarked
package io.cachet.api;

import org.jspecify.annotations.NullMarked;
