package io.cachet.api;

import java.util.List;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.UrlHandlerFilter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class ApiWebConfiguration implements WebMvcConfigurer {

	private final ApiRequestArgumentResolver apiRequestArgumentResolver;

	ApiWebConfiguration(ApiRequestArgumentResolver apiRequestArgumentResolver) {
		this.apiRequestArgumentResolver = apiRequestArgumentResolver;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(this.apiRequestArgumentResolver);
	}

	/**
	 * Declared first so that, among the filters of the highest precedence, it is the
	 * outermost and sees what any of them throws.
	 */
	@Bean
	FilterRegistrationBean<ServerErrorFilter> serverErrorFilter(ApiErrorWriter errorWriter) {
		var registration = new FilterRegistrationBean<>(new ServerErrorFilter(errorWriter));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		registration.addUrlPatterns("/*");
		return registration;
	}

	/**
	 * Laravel ignores a trailing slash, so Cachet's clients send
	 * {@code /api/v1/schedules/}: every {@code /api} request (v1 and the v2 JSON) is
	 * handled as if it had none. The request is wrapped, not redirected (a redirect would
	 * turn a POST into a GET in many clients), and the wrapping happens first of all,
	 * before the public resource filter and Spring Security, so that their path matchers,
	 * and so authentication, see the same path as Spring MVC.
	 */
	@Bean
	FilterRegistrationBean<UrlHandlerFilter> apiTrailingSlashFilter() {
		var registration = new FilterRegistrationBean<>(
				UrlHandlerFilter.trailingSlashHandler("/api/**").wrapRequest().build());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		registration.addUrlPatterns("/api/*");
		return registration;
	}

	/**
	 * First of all, with the trailing slash filter: the public page filter that follows
	 * reads the query string already.
	 */
	@Bean
	FilterRegistrationBean<UnparsableParametersFilter> unparsableParametersFilter(ApiErrorWriter errorWriter) {
		var registration = new FilterRegistrationBean<>(new UnparsableParametersFilter(errorWriter));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		registration.addUrlPatterns("/*");
		return registration;
	}

	/**
	 * Cachet's clients send form bodies with PUT as well as POST. Tomcat parses them for
	 * every method, with the same limits (parameter count, size) and the same refusal of
	 * malformed input that {@link UnparsableParametersFilter} turns into a 400; Spring's
	 * {@code FormContentFilter} then finds the body read and has nothing left to do.
	 */
	@Bean
	TomcatConnectorCustomizer formBodiesOnEveryMethod() {
		return (connector) -> connector.setParseBodyMethods("POST,PUT,PATCH,DELETE");
	}

}
