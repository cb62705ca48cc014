package io.cachet.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import io.cachet.shared.ListQuery;

/**
 * Reads Cachet's list parameters: {@code per_page} (default 20, at most 1000),
 * {@code page}, {@code sort} (only a sortable field) with {@code order} ({@code asc}, the
 * default, or {@code desc}), and exact-match filters on the searchable fields. Unknown
 * parameters are ignored.
 * <p>
 * Cachet 2.4 sorts descending whatever {@code order} says (it passes a boolean as the
 * direction); we sort the way {@code order} asks, as its documentation promises.
 */
final class ListParams {

	static final int DEFAULT_PER_PAGE = 20;

	static final int MAX_PER_PAGE = 1000;

	/**
	 * Never filters, even where a field has the same name (a component's {@code order}):
	 * Cachet leaves these out of its search too.
	 */
	private static final Set<String> RESERVED = Set.of("sort", "order", "page", "per_page");

	enum FilterType {

		INTEGER, BOOLEAN, STRING

	}

	private ListParams() {
	}

	static ListQuery parse(HttpServletRequest request, Map<String, FilterType> searchable, Set<String> sortable) {
		int perPage = Math.min(positiveInt(request.getParameter("per_page"), DEFAULT_PER_PAGE), MAX_PER_PAGE);
		int page = positiveInt(request.getParameter("page"), 1);
		String sort = request.getParameter("sort");
		if (sort != null && !sortable.contains(sort)) {
			sort = null;
		}
		boolean descending = "desc".equalsIgnoreCase(request.getParameter("order"));
		Map<String, Object> filters = new LinkedHashMap<>();
		searchable.forEach((field, type) -> {
			String value = request.getParameter(field);
			if (value != null && !RESERVED.contains(field)) {
				filters.put(field, convert(value.strip(), type));
			}
		});
		return new ListQuery(filters, sort, descending, page, perPage);
	}

	/**
	 * A filter value of the wrong type matches nothing rather than failing the request.
	 */
	private static Object convert(String value, FilterType type) {
		return switch (type) {
			case STRING -> value;
			case BOOLEAN -> value.equals("1") || value.equalsIgnoreCase("true");
			case INTEGER -> {
				try {
					yield Long.parseLong(value);
				}
				catch (NumberFormatException ex) {
					yield Long.MIN_VALUE;
				}
			}
		};
	}

	private static int positiveInt(@Nullable String value, int defaultValue) {
		if (value == null) {
			return defaultValue;
		}
		try {
			int parsed = Integer.parseInt(value.strip());
			return (parsed >= 1) ? parsed : defaultValue;
		}
		catch (NumberFormatException ex) {
			return defaultValue;
		}
	}

}
