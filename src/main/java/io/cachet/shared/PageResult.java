package io.cachet.shared;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list and the size of the whole list.
 */
public record PageResult<T>(List<T> items, long total, int page, int perPage) {

	public <R> PageResult<R> map(Function<? super T, ? extends R> mapper) {
		return new PageResult<>(this.items.stream().<R>map(mapper).toList(), this.total, this.page, this.perPage);
	}

	public int totalPages() {
		return (int) Math.max(1, (this.total + this.perPage - 1) / this.perPage);
	}

}
