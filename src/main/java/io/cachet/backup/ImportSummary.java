package io.cachet.backup;

import java.util.Map;

/**
 * What an import wrote.
 *
 * @param rowsByTable the number of rows imported into each table, by table name (lower
 * case), in the order they were imported
 */
public record ImportSummary(Map<String, Long> rowsByTable) {

	public long rows() {
		return this.rowsByTable.values().stream().mapToLong(Long::longValue).sum();
	}

}
