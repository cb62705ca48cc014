package io.cachet.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Resolves a handler's {@link ApiRequest} record from the request's fields, gathered the
 * way Laravel merges input: the query parameters, overlaid by the body, which is JSON or
 * form data (with PHP-style {@code a[]} and {@code a[b]} keys,
 * {@link PhpStyleParameters}). The fields are then bound by {@link ApiRequestBinder}.
 * Bodies over 1 MiB are refused (413).
 */
@Component
class ApiRequestArgumentResolver implements HandlerMethodArgumentResolver {

	static final int MAX_BODY_BYTES = 1024 * 1024;

	private final JsonMapper jsonMapper;

	private final ApiRequestBinder binder;

	ApiRequestArgumentResolver(JsonMapper jsonMapper, ApiRequestBinder binder) {
		this.jsonMapper = jsonMapper;
		this.binder = binder;
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType().isRecord()
				&& parameter.getParameterType().isAnnotationPresent(ApiRequest.class);
	}

	@Override
	@SuppressWarnings("unchecked")
	public Object resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, @Nullable WebDataBinderFactory binderFactory) throws IOException {
		HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
		if (request.getContentLengthLong() > MAX_BODY_BYTES) {
			throw new PayloadTooLargeException();
		}
		Map<String, Object> values = new LinkedHashMap<>();
		if (isJson(request)) {
			values.putAll(PhpStyleParameters.parse(queryParameters(request)));
			values.putAll(readJsonObject(request));
		}
		else {
			values.putAll(PhpStyleParameters.parse(request.getParameterMap()));
		}
		return this.binder.bind(values, (Class<? extends Record>) parameter.getParameterType());
	}

	private Map<String, Object> readJsonObject(HttpServletRequest request) throws IOException {
		byte[] body;
		try (InputStream in = request.getInputStream()) {
			body = in.readNBytes(MAX_BODY_BYTES + 1);
		}
		catch (IOException ex) {
			// a body the container cannot read (a broken chunk, a client that went away
			// half-way) is the client's fault: a 400, not an unexpected error
			throw new ApiValidationException(List.of("The request body could not be read."));
		}
		if (body.length > MAX_BODY_BYTES) {
			throw new PayloadTooLargeException();
		}
		if (new String(body, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
			return Map.of();
		}
		try {
			Object parsed = this.jsonMapper.readValue(body, Object.class);
			if (parsed instanceof Map<?, ?> map) {
				Map<String, Object> result = new LinkedHashMap<>();
				map.forEach((key, value) -> result.put(String.valueOf(key), value));
				return result;
			}
			throw new ApiValidationException(List.of("The request body must be a JSON object."));
		}
		catch (JacksonException ex) {
			throw new ApiValidationException(List.of("The request body is not valid JSON."));
		}
	}

	private static boolean isJson(HttpServletRequest request) {
		String contentType = request.getContentType();
		if (contentType == null) {
			// Clients that send a JSON body without saying so are common; form bodies
			// always say so.
			return !"GET".equals(request.getMethod());
		}
		try {
			MediaType type = MediaType.parseMediaType(contentType);
			return type.getSubtype().equals("json") || type.getSubtype().endsWith("+json")
					|| !(type.isCompatibleWith(MediaType.APPLICATION_FORM_URLENCODED)
							|| type.isCompatibleWith(MediaType.MULTIPART_FORM_DATA));
		}
		catch (org.springframework.http.InvalidMediaTypeException ex) {
			return true;
		}
	}

	private static Map<String, String[]> queryParameters(HttpServletRequest request) {
		Map<String, String[]> result = new LinkedHashMap<>();
		String query = request.getQueryString();
		if (query == null) {
			return result;
		}
		for (String pair : query.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int eq = pair.indexOf('=');
			String key = decode((eq < 0) ? pair : pair.substring(0, eq));
			String value = (eq < 0) ? "" : decode(pair.substring(eq + 1));
			String[] existing = result.get(key);
			List<String> all = new ArrayList<>((existing != null) ? List.of(existing) : List.of());
			all.add(value);
			result.put(key, all.toArray(String[]::new));
		}
		return result;
	}

	private static String decode(String text) {
		try {
			return java.net.URLDecoder.decode(text, java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return text;
		}
	}

}
