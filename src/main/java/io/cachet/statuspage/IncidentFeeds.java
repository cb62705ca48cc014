package io.cachet.statuspage;

import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.jspecify.annotations.Nullable;

import io.cachet.incident.IncidentView;
import io.cachet.shared.Markdown;
import io.cachet.statuspage.StatusPageSnapshot.GroupSection;

/**
 * RSS 2.0 and Atom feeds of the latest incidents (Cachet 2.3's {@code /rss} and
 * {@code /atom}, optionally for one component group: then only incidents that affect a
 * component of that group). Written with StAX so every name and message is escaped.
 * <p>
 * Not with Rome: the two documents are a few elements each, written once per page build
 * and cached; what this class mostly does is choose the incidents and the links, which a
 * feed library would not do for us. Rome would swap these writes for as many setters on
 * its {@code SyndFeed} model, add Rome and JDOM 2 to the jar for two responses, and
 * change the bytes of feeds that readers already poll (namespaces, element order, date
 * format). Nor is it among the artifacts checked to resolve for this build.
 */
final class IncidentFeeds {

	static final String RSS = "application/rss+xml;charset=UTF-8";

	static final String ATOM = "application/atom+xml;charset=UTF-8";

	private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

	private IncidentFeeds() {
	}

	/**
	 * @param groupId a public group, or {@code null} for all incidents
	 * @return the feed, or {@code null} for an unknown or hidden group
	 */
	static @Nullable RenderedResource rss(StatusPageSnapshot snapshot, @Nullable Long groupId) {
		List<IncidentView> incidents = incidents(snapshot, groupId);
		if (incidents == null) {
			return null;
		}
		String base = base(snapshot);
		return write(RSS, (xml) -> {
			xml.writeStartDocument("UTF-8", "1.0");
			xml.writeStartElement("rss");
			xml.writeAttribute("version", "2.0");
			xml.writeNamespace("atom", "http://www.w3.org/2005/Atom");
			xml.writeStartElement("channel");
			element(xml, "title", title(snapshot, groupId));
			element(xml, "link", base + "/");
			element(xml, "description", "Incidents on " + snapshot.settings().name());
			xml.writeEmptyElement("atom", "link", "http://www.w3.org/2005/Atom");
			xml.writeAttribute("href", base + "/rss" + ((groupId != null) ? "/" + groupId : ""));
			xml.writeAttribute("rel", "self");
			xml.writeAttribute("type", "application/rss+xml");
			element(xml, "lastBuildDate", rfc1123(snapshot.builtAt()));
			for (IncidentView incident : incidents) {
				xml.writeStartElement("item");
				element(xml, "title", incident.name() + " (" + incident.latestStatus().label() + ")");
				element(xml, "link", base + "/incidents/" + incident.id());
				xml.writeStartElement("guid");
				xml.writeAttribute("isPermaLink", "true");
				xml.writeCharacters(base + "/incidents/" + incident.id());
				xml.writeEndElement();
				element(xml, "pubDate", rfc1123(incident.occurredAt()));
				element(xml, "description", Markdown.toSafeHtml(incident.message()));
				xml.writeEndElement();
			}
			xml.writeEndElement();
			xml.writeEndElement();
			xml.writeEndDocument();
		});
	}

	static @Nullable RenderedResource atom(StatusPageSnapshot snapshot, @Nullable Long groupId) {
		List<IncidentView> incidents = incidents(snapshot, groupId);
		if (incidents == null) {
			return null;
		}
		String base = base(snapshot);
		String self = base + "/atom" + ((groupId != null) ? "/" + groupId : "");
		Instant updated = incidents.stream()
			.map(IncidentView::updatedAt)
			.max(Instant::compareTo)
			.orElse(snapshot.builtAt());
		return write(ATOM, (xml) -> {
			xml.writeStartDocument("UTF-8", "1.0");
			xml.writeStartElement("feed");
			xml.writeDefaultNamespace("http://www.w3.org/2005/Atom");
			element(xml, "id", self);
			element(xml, "title", title(snapshot, groupId));
			element(xml, "updated", DateTimeFormatter.ISO_INSTANT.format(updated));
			xml.writeEmptyElement("link");
			xml.writeAttribute("rel", "self");
			xml.writeAttribute("href", self);
			xml.writeEmptyElement("link");
			xml.writeAttribute("rel", "alternate");
			xml.writeAttribute("href", base + "/");
			xml.writeStartElement("author");
			element(xml, "name", snapshot.settings().name());
			xml.writeEndElement();
			for (IncidentView incident : incidents) {
				xml.writeStartElement("entry");
				element(xml, "id", base + "/incidents/" + incident.id());
				element(xml, "title", incident.name() + " (" + incident.latestStatus().label() + ")");
				element(xml, "updated", DateTimeFormatter.ISO_INSTANT.format(incident.updatedAt()));
				element(xml, "published", DateTimeFormatter.ISO_INSTANT.format(incident.occurredAt()));
				xml.writeEmptyElement("link");
				xml.writeAttribute("rel", "alternate");
				xml.writeAttribute("href", base + "/incidents/" + incident.id());
				xml.writeStartElement("content");
				xml.writeAttribute("type", "html");
				xml.writeCharacters(Markdown.toSafeHtml(incident.message()));
				xml.writeEndElement();
				xml.writeEndElement();
			}
			xml.writeEndElement();
			xml.writeEndDocument();
		});
	}

	private static @Nullable List<IncidentView> incidents(StatusPageSnapshot snapshot, @Nullable Long groupId) {
		if (groupId == null) {
			return snapshot.recentIncidents();
		}
		GroupSection group = snapshot.groups()
			.stream()
			.filter((section) -> section.group().id() == groupId)
			.findFirst()
			.orElse(null);
		if (group == null) {
			return null;
		}
		Set<Long> members = group.components()
			.stream()
			.map((entry) -> entry.component().id())
			.collect(Collectors.toSet());
		return snapshot.recentIncidents()
			.stream()
			.filter((incident) -> incident.componentId() != 0 && members.contains(incident.componentId())
					|| incident.components().stream().anyMatch((c) -> members.contains(c.componentId())))
			.toList();
	}

	private static String title(StatusPageSnapshot snapshot, @Nullable Long groupId) {
		String name = snapshot.settings().name();
		if (groupId == null) {
			return name + " incidents";
		}
		String group = snapshot.groups()
			.stream()
			.filter((section) -> section.group().id() == groupId)
			.map((section) -> section.group().name())
			.findFirst()
			.orElse("");
		return name + " incidents: " + group;
	}

	static String base(StatusPageSnapshot snapshot) {
		String domain = snapshot.settings().domain().strip();
		if (domain.isEmpty()) {
			domain = "http://localhost";
		}
		return domain.endsWith("/") ? domain.substring(0, domain.length() - 1) : domain;
	}

	private static String rfc1123(Instant instant) {
		return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
	}

	private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
		xml.writeStartElement(name);
		xml.writeCharacters(text);
		xml.writeEndElement();
	}

	private static RenderedResource write(String contentType, XmlBody body) {
		StringWriter out = new StringWriter(8192);
		try {
			XMLStreamWriter xml = XML.createXMLStreamWriter(out);
			body.write(xml);
			xml.close();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException("Could not write a feed", ex);
		}
		return RenderedResource.of(200, out.toString(), contentType, RenderedResource.PAGE_CACHE_CONTROL);
	}

	@FunctionalInterface
	private interface XmlBody {

		void write(XMLStreamWriter xml) throws XMLStreamException;

	}

}
