package io.cachet.upstream;

import org.jspecify.annotations.Nullable;

/**
 * Command to follow a status page or change how it is followed. On an update a
 * {@code null} field is left unchanged; on create {@code name} and {@code url} are
 * required and the rest default (detected kind, 60 s interval, 300 s grace, enabled).
 *
 * @param url an http or https address; fixed once the upstream exists
 * @param intervalSeconds seconds between fetches, at least the configured minimum (30 s)
 * @param graceSeconds seconds of failed fetches before the components become unknown
 */
public record SaveUpstream(@Nullable String name, @Nullable String url, @Nullable UpstreamKind kind,
		@Nullable Integer intervalSeconds, @Nullable Integer graceSeconds, @Nullable Boolean enabled) {

}
