package io.cachet.api;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class ApiWebConfiguration implements WebMvcConfigurer {

	private final ApiFieldsArgumentResolver apiFieldsArgumentResolver;

	ApiWebConfiguration(ApiFieldsArgumentResolver apiFieldsArgumentResolver) {
		this.apiFieldsArgumentResolver = apiFieldsArgumentResolver;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(this.apiFieldsArgumentResolver);
	}

}
