package io.cachet.api;

import jakarta.servlet.http.HttpServletRequest;

final class ApiPaths {

	static final String V1 = "/api/v1";

	private ApiPaths() {
	}

	static boolean isApi(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.equals("/api") || path.startsWith("/api/");
	}

}
