package io.cachet.shared;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A page of a list, filtered by exact field values and sorted by one field.
 *
 * @param filters field name (as the API spells it) to the value it must equal
 * @param sort the field to sort by, or {@code null} for the list's natural order
 * @param descending the sort direction, when {@code sort} is given
 * @param page 1-based page number
 * @param perPage page size, at least 1
 */
public record ListQuery(Map<String, Object> filters, @Nullable String sort, boolean descending, int page, int perPage) {

	public ListQuery {
		filters = Map.copyOf(filters);
		if (page < 1 || perPage < 1) {
			throw new IllegalArgumentException("page and perPage start at 1");
		}
	}

	public static ListQuery all() {
		return new ListQuery(Map.of(), null, false, 1, Integer.MAX_VALUE);
	}

	public long offset() {
		return (long) (this.page - 1) * this.perPage;
	}

}
