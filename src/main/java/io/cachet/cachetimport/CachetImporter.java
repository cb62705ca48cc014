package io.cachet.cachetimport;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import io.cachet.component.ComponentService;
import io.cachet.incident.IncidentService;
import io.cachet.metric.MetricService;
import io.cachet.outbound.OutboundHttp;
import io.cachet.shared.ListQuery;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a live Cachet 2.4 through its API: everything is read first, then written in
 * one transaction, silently (no e-mail, no webhook), into a status page that has no
 * components, incidents or metrics yet.
 */
@Service
public class CachetImporter {

	private final CachetWriter writer;

	private final ComponentService components;

	private final IncidentService incidents;

	private final MetricService metrics;

	private final TransactionTemplate transaction;

	private final JsonMapper json;

	private final int perPage;

	private final int maxPages;

	private final Duration timeout;

	private final OutboundHttp http;

	CachetImporter(CachetWriter writer, ComponentService components, IncidentService incidents, MetricService metrics,
			TransactionTemplate transaction, JsonMapper json, ImportProperties properties, OutboundHttp http) {
		int perPage = properties.perPage();
		int maxPages = properties.maxPages();
		Duration timeout = properties.timeout();
		this.http = http;
		this.writer = writer;
		this.components = components;
		this.incidents = incidents;
		this.metrics = metrics;
		this.transaction = transaction;
		this.json = json;
		this.perPage = perPage;
		this.maxPages = maxPages;
		this.timeout = timeout;
	}

	/**
	 * Reads everything from a Cachet 2.4, then writes it in one transaction without
	 * notifying anyone.
	 * @param baseUrl the Cachet status page's address (with or without {@code /api/v1})
	 * @param token the API token of an admin of that Cachet (subscribers need it)
	 * @param progress told what is being done
	 * @return what was imported, never {@code null}
	 * @throws CachetImportException when that Cachet cannot be read, or this status page
	 * has data already; nothing was written then
	 */
	public ImportSummary importFrom(URI baseUrl, String token, ImportProgress progress) {
		if (token.isBlank()) {
			throw new CachetImportException("Give the API token of an admin of that Cachet.");
		}
		CachetClient client = new CachetClient(baseUrl, token, this.timeout, this.perPage, this.maxPages, this.json,
				this.http);
		progress.report("Reading " + client.api());
		CachetSource source = CachetSource.read(client, progress);
		if (!isEmpty()) {
			throw new CachetImportException(
					"This status page has components, incidents or metrics already: import into an empty one.");
		}
		progress.report("Writing");
		// the writer writes silently (WriteMode.SILENT): the history reaches nobody
		ImportSummary summary = this.transaction.execute((status) -> this.writer.write(source, progress));
		progress.report("Done");
		return summary;
	}

	private boolean isEmpty() {
		ListQuery one = new ListQuery(Map.of(), null, false, 1, 1);
		return this.components.findComponents(one, java.util.List.of(), false).total() == 0
				&& this.components.findGroups(one, false).total() == 0
				&& this.incidents.findIncidents(one, false).total() == 0 && this.metrics.findMetrics(one).total() == 0;
	}

}
