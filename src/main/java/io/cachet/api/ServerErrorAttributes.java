package io.cachet.api;

import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;

/**
 * Spring Boot's error attributes plus, for a 5xx, the {@code id} the error page shows.
 * The id is the one {@link ServerErrorFilter} logged; a 5xx that did not pass through it
 * (a {@code sendError(503)}) is logged here, once, so that every id shown has its log
 * line.
 */
@Component
class ServerErrorAttributes extends DefaultErrorAttributes {

	private static final Logger log = LoggerFactory.getLogger(ServerErrorAttributes.class);

	@Override
	public Map<String, Object> getErrorAttributes(WebRequest webRequest, ErrorAttributeOptions options) {
		Map<String, Object> attributes = super.getErrorAttributes(webRequest, options);
		if (attributes.get("status") instanceof Integer status && status >= 500) {
			Object id = webRequest.getAttribute(ServerErrorFilter.ERROR_ID, RequestAttributes.SCOPE_REQUEST);
			if (id == null) {
				id = UUID.randomUUID().toString();
				webRequest.setAttribute(ServerErrorFilter.ERROR_ID, id, RequestAttributes.SCOPE_REQUEST);
				log.error("{} answered {} with error id {}", attributes.get("path"), status, id, getError(webRequest));
			}
			attributes.put("id", id);
		}
		return attributes;
	}

}
