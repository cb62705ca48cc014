package io.cachet.ops;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The Prometheus endpoint, {@code /actuator/prometheus}, answers only a request with
 * {@code Authorization: Bearer <CACHET_METRICS_TOKEN>}; without a configured token it is
 * closed. Every other Actuator endpoint but the health probes and info stays closed (see
 * the dashboard's security).
 */
@Configuration(proxyBeanMethods = false)
class MetricsSecurityConfiguration {

	@Bean
	@Order(5)
	SecurityFilterChain metricsSecurityFilterChain(HttpSecurity http, MetricsProperties properties) throws Exception {
		String token = properties.token();
		byte[] expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
		boolean configured = !token.isBlank();
		http.securityMatcher("/actuator/prometheus", "/actuator/prometheus/**")
			.authorizeHttpRequests((requests) -> requests.anyRequest()
				.access((authentication,
						context) -> new AuthorizationDecision(configured && matches(context.getRequest(), expected))))
			.csrf((csrf) -> csrf.disable())
			.requestCache((cache) -> cache.disable())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint((request, response, ex) -> {
				response.setHeader("WWW-Authenticate", "Bearer realm=\"metrics\"");
				response.sendError(401);
			}));
		return http.build();
	}

	private static boolean matches(HttpServletRequest request, byte[] expected) {
		String header = request.getHeader("Authorization");
		return header != null && MessageDigest.isEqual(header.getBytes(StandardCharsets.UTF_8), expected);
	}

}
