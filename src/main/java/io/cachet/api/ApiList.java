package io.cachet.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

import io.cachet.shared.PageResult;

/**
 * Cachet's envelope for a list: {@code {"meta":{"pagination":{...}},"data":[...]}}. The
 * page links keep every query parameter of the request but {@code page}.
 */
record ApiList<T>(Meta meta, List<T> data) {

	static <T> ApiList<T> of(PageResult<T> page, HttpServletRequest request) {
		int perPage = (page.perPage() == Integer.MAX_VALUE) ? page.items().size() : page.perPage();
		int totalPages = (page.perPage() == Integer.MAX_VALUE) ? 1 : page.totalPages();
		String next = (page.page() < totalPages) ? link(request, page.page() + 1) : null;
		String previous = (page.page() > 1) ? link(request, Math.min(page.page() - 1, totalPages)) : null;
		return new ApiList<>(new Meta(new Pagination(page.total(), page.items().size(), perPage, page.page(),
				totalPages, new Links(next, previous))), page.items());
	}

	private static String link(HttpServletRequest request, int page) {
		UriComponentsBuilder builder = ServletUriComponentsBuilder.fromRequest(request);
		return builder.replaceQueryParam("page", page).build().toUriString();
	}

	record Meta(Pagination pagination) {

	}

	record Pagination(long total, int count, @JsonProperty("per_page") int perPage,
			@JsonProperty("current_page") int currentPage, @JsonProperty("total_pages") int totalPages, Links links) {

	}

	record Links(@JsonProperty("next_page") @Nullable String nextPage,
			@JsonProperty("previous_page") @Nullable String previousPage) {

	}

}
