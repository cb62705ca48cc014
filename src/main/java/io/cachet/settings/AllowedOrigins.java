package io.cachet.settings;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;

/**
 * The CORS rules of the API ({@code /api/v1} and the Statuspage JSON under
 * {@code /api/v2}), from the {@code allowed_domains} setting, read at each request so a
 * change applies at once. As in Cachet: the comma-separated origins in the setting
 * ({@code https://example.com}; a bare host name means its {@code https://} and
 * {@code http://} origins, {@code *} any origin); when the setting is empty, only the
 * page's own address ({@link PublicAddress}), so other sites' scripts cannot read the
 * API. No credentials: the API authenticates by the {@code X-Cachet-Token} header, never
 * by cookies.
 */
@Component
public class AllowedOrigins implements CorsConfigurationSource {

	private static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

	private static final List<String> HEADERS = List.of("X-Cachet-Token", "Content-Type", "Accept", "Accept-Language",
			"Time-Zone");

	private final SettingsService settings;

	private final PublicAddress address;

	private volatile @Nullable Cached cached;

	AllowedOrigins(SettingsService settings, PublicAddress address) {
		this.settings = settings;
		this.address = address;
	}

	@Override
	public CorsConfiguration getCorsConfiguration(HttpServletRequest request) {
		return configuration();
	}

	/**
	 * @return the value for {@code Access-Control-Allow-Origin} when a request comes from
	 * that origin, or {@code null} when the origin may not read the answer
	 */
	public @Nullable String allow(@Nullable String origin) {
		return (origin != null) ? configuration().checkOrigin(origin) : null;
	}

	/**
	 * @return the rules in force, never {@code null}
	 */
	public CorsConfiguration configuration() {
		String setting = this.settings.site().allowedDomains().strip();
		String own = this.address.configuredBaseUrl().orElse("");
		Cached current = this.cached;
		if (current == null || !current.setting().equals(setting) || !current.own().equals(own)) {
			current = new Cached(setting, own, build(setting, own));
			this.cached = current;
		}
		return current.configuration();
	}

	private static CorsConfiguration build(String setting, String own) {
		List<String> origins = new ArrayList<>();
		for (String entry : setting.split(",")) {
			String origin = entry.strip();
			while (origin.endsWith("/")) {
				origin = origin.substring(0, origin.length() - 1);
			}
			if (origin.isEmpty()) {
				continue;
			}
			if (origin.equals("*") || origin.contains("://")) {
				origins.add(origin);
			}
			else {
				origins.add("https://" + origin);
				origins.add("http://" + origin);
			}
		}
		if (origins.isEmpty() && !own.isEmpty()) {
			origins.add(own);
		}
		CorsConfiguration configuration = new CorsConfiguration();
		configuration.setAllowedOrigins(origins);
		configuration.setAllowedMethods(METHODS);
		configuration.setAllowedHeaders(HEADERS);
		configuration.setExposedHeaders(List.of("X-RateLimit-Limit", "X-RateLimit-Remaining", "Retry-After"));
		configuration.setAllowCredentials(false);
		configuration.setMaxAge(3600L);
		return configuration;
	}

	private record Cached(String setting, String own, CorsConfiguration configuration) {
	}

}
