package io.cachet.incident;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import io.cachet.audit.AuditAction;
import io.cachet.audit.AuditSubject;
import io.cachet.audit.RecordChanged;
import io.cachet.component.ComponentService;
import io.cachet.component.ComponentView;
import io.cachet.incident.internal.IncidentTemplateRepository;
import io.cachet.incident.internal.TemplateRenderer;
import io.cachet.shared.InvalidInputException;
import io.cachet.shared.ListQuery;
import io.cachet.shared.PageResult;
import io.cachet.shared.Slugs;

/**
 * Incident templates: saving them and rendering them into an incident's message.
 *
 * <p>
 * The methods that check or render a template are not {@code @Transactional}: they check
 * or render first, with no connection held (a template may take up to a second, see
 * {@link TemplateRenderer}), and only then write in a transaction of their own.
 */
@Service
public class IncidentTemplateService {

	private final IncidentTemplateRepository templates;

	private final TemplateRenderer renderer;

	private final ComponentService components;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TransactionTemplate transaction;

	IncidentTemplateService(IncidentTemplateRepository templates, TemplateRenderer renderer,
			ComponentService components, ApplicationEventPublisher events, Clock clock,
			TransactionTemplate transaction) {
		this.templates = templates;
		this.renderer = renderer;
		this.components = components;
		this.events = events;
		this.clock = clock;
		this.transaction = transaction;
	}

	@Transactional(readOnly = true)
	public PageResult<IncidentTemplateView> findTemplates(ListQuery query) {
		return this.templates.page(query);
	}

	/**
	 * @throws IncidentNotFoundException for an unknown template
	 */
	@Transactional(readOnly = true)
	public IncidentTemplateView getTemplate(long id) {
		return this.templates.findById(id).orElseThrow(() -> IncidentNotFoundException.forTemplate(id));
	}

	/**
	 * @param slug derived from the name when {@code null} or blank
	 * @throws InvalidInputException when the template does not parse
	 */
	public IncidentTemplateView createTemplate(String name, @Nullable String slug, String template) {
		this.renderer.check(template);
		return inTransaction(() -> {
			long id = this.templates.insert(name, slugOrDerived(slug, name), template, now());
			this.events.publishEvent(new RecordChanged(AuditSubject.INCIDENT_TEMPLATE, id, AuditAction.CREATED,
					"Created incident template " + name));
			return getTemplate(id);
		});
	}

	/**
	 * @throws IncidentNotFoundException for an unknown template
	 * @throws InvalidInputException when the new template does not parse
	 */
	public IncidentTemplateView updateTemplate(long id, @Nullable String name, @Nullable String slug,
			@Nullable String template) {
		getTemplate(id);
		if (template != null) {
			this.renderer.check(template);
		}
		return inTransaction(() -> {
			IncidentTemplateView current = getTemplate(id);
			String newName = Objects.requireNonNullElse(name, current.name());
			this.templates.update(id, newName, (slug != null) ? slugOrDerived(slug, newName) : current.slug(),
					Objects.requireNonNullElse(template, current.template()), now());
			this.events.publishEvent(new RecordChanged(AuditSubject.INCIDENT_TEMPLATE, id, AuditAction.UPDATED,
					"Updated incident template " + newName));
			return getTemplate(id);
		});
	}

	/**
	 * @throws IncidentNotFoundException for an unknown template
	 */
	@Transactional
	public void deleteTemplate(long id) {
		IncidentTemplateView current = getTemplate(id);
		this.templates.softDelete(id, now());
		this.events.publishEvent(new RecordChanged(AuditSubject.INCIDENT_TEMPLATE, id, AuditAction.DELETED,
				"Deleted incident template " + current.name()));
	}

	/**
	 * Renders a template as it would be for an example incident (the dashboard's
	 * preview).
	 * @return the message it writes (Markdown)
	 * @throws InvalidInputException for a broken template
	 */
	public String previewTemplate(String template) {
		Map<String, Object> context = new HashMap<>();
		context.put("incident", templateIncident("Example incident", IncidentStatus.INVESTIGATING, "", true, false,
				false, this.clock.instant(), 0, null));
		return this.renderer.render(template, context);
	}

	/**
	 * Renders the template with this slug for an incident; called before any transaction
	 * opens.
	 * @return the message it writes (Markdown)
	 * @throws InvalidInputException for an unknown or broken template
	 */
	String render(String slug, Map<String, Object> vars, Map<String, Object> incident) {
		var template = this.templates.findBySlug(slug)
			.orElseThrow(() -> new InvalidInputException("The selected template is invalid."));
		Map<String, Object> context = new HashMap<>(vars);
		context.put("incident", incident);
		return this.renderer.render(template.template(), context);
	}

	/**
	 * @return the {@code incident} a template sees
	 */
	Map<String, Object> templateIncident(String name, IncidentStatus status, @Nullable String message, boolean visible,
			boolean notify, boolean stickied, Instant occurredAt, long componentId,
			io.cachet.component.@Nullable ComponentStatus componentStatus) {
		Map<String, Object> incident = new LinkedHashMap<>();
		incident.put("name", name);
		incident.put("status", status.code());
		incident.put("message", Objects.requireNonNullElse(message, ""));
		incident.put("visible", visible);
		incident.put("notify", notify);
		incident.put("stickied", stickied);
		incident.put("occurred_at", occurredAt.toString());
		ComponentView component = (componentId != 0) ? this.components.findComponent(componentId).orElse(null) : null;
		incident.put("component", (component != null)
				? Map.of("id", component.id(), "name", component.name(), "status", component.status().code()) : null);
		incident.put("component_status", (componentStatus != null) ? componentStatus.code() : null);
		return incident;
	}

	/**
	 * Joins the caller's transaction if there is one. The templates are checked before
	 * this, never inside it.
	 */
	private <T> T inTransaction(Supplier<T> work) {
		return Objects.requireNonNull(this.transaction.execute((status) -> work.get()));
	}

	private static String slugOrDerived(@Nullable String slug, String name) {
		String derived = Slugs.of((slug != null && !slug.isBlank()) ? slug : name);
		return derived.isEmpty() ? "template" : derived;
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
