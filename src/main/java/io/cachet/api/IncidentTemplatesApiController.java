package io.cachet.api;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.cachet.api.ListParams.FilterType;
import io.cachet.incident.IncidentTemplateService;
import io.cachet.incident.IncidentTemplateView;

/**
 * {@code /api/v1/incidents/templates}: Cachet 2.4 routes 19 and 20, and beyond Cachet the
 * writes, so that an install can be scripted end to end. A template that does not parse,
 * or breaks a limit of the sandbox (see {@code TemplateRenderer}), is refused with a 400
 * naming the problem.
 */
@RestController
@RequestMapping("/api/v1/incidents/templates")
class IncidentTemplatesApiController {

	static final Map<String, FilterType> SEARCHABLE = Map.of("id", FilterType.INTEGER, "name", FilterType.STRING,
			"slug", FilterType.STRING);

	private final IncidentTemplateService templates;

	private final ApiTimes times;

	IncidentTemplatesApiController(IncidentTemplateService templates, ApiTimes times) {
		this.templates = templates;
		this.times = times;
	}

	@GetMapping
	ApiList<IncidentTemplateResponse> list(HttpServletRequest request) {
		var page = this.templates.findTemplates(ListParams.parse(request, SEARCHABLE, SEARCHABLE.keySet()));
		return ApiList.of(page.map((template) -> IncidentTemplateResponse.of(template, this.times)), request);
	}

	@GetMapping("/{id:\\d+}")
	ApiItem<IncidentTemplateResponse> get(@PathVariable long id) {
		return item(this.templates.getTemplate(id));
	}

	@PostMapping
	@SuppressWarnings("NullAway")
	ApiItem<IncidentTemplateResponse> create(IncidentTemplateRequest request) {
		return item(this.templates.createTemplate(request.name(), request.slug(), request.template()));
	}

	@PutMapping("/{id:\\d+}")
	ApiItem<IncidentTemplateResponse> update(@PathVariable long id, ChangeIncidentTemplateRequest request) {
		return item(this.templates.updateTemplate(id, request.name(), request.slug(), request.template()));
	}

	@DeleteMapping("/{id:\\d+}")
	ResponseEntity<Void> delete(@PathVariable long id) {
		this.templates.deleteTemplate(id);
		return ResponseEntity.noContent().build();
	}

	private ApiItem<IncidentTemplateResponse> item(IncidentTemplateView template) {
		return new ApiItem<>(IncidentTemplateResponse.of(template, this.times));
	}

}
