package io.cachet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every route the application's controllers map, as the tests that must cover all of them
 * (the role matrix, the fuzzer) enumerate them: one entry per method and pattern, a
 * mapping without methods counted as GET, the test-only handlers of {@code testprobe}
 * (which fail on purpose) left out.
 */
public final class HandlerRoutes {

	private HandlerRoutes() {
	}

	/**
	 * @param method the HTTP method
	 * @param pattern the path pattern as mapped, variables included
	 */
	public record Route(String method, String pattern) {
	}

	public static List<Route> of(RequestMappingHandlerMapping handlerMapping) {
		List<Route> routes = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : handlerMapping.getHandlerMethods().entrySet()) {
			if (entry.getValue().getBeanType().getPackageName().startsWith("io.cachet.testprobe")) {
				continue;
			}
			RequestMappingInfo info = entry.getKey();
			Set<String> methods = new TreeSet<>();
			info.getMethodsCondition().getMethods().forEach((method) -> methods.add(method.name()));
			if (methods.isEmpty()) {
				methods.add("GET");
			}
			for (String pattern : info.getPatternValues()) {
				methods.forEach((method) -> routes.add(new Route(method, pattern)));
			}
		}
		return routes;
	}

}
