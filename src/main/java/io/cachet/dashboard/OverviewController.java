package io.cachet.dashboard;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.cachet.component.ComponentNotFoundException;
import io.cachet.component.ComponentService;
import io.cachet.component.ComponentStatus;
import io.cachet.component.ComponentView;
import io.cachet.component.StatusChangeSource;
import io.cachet.incident.IncidentService;
import io.cachet.schedule.ScheduleService;
import io.cachet.shared.ListQuery;
import io.cachet.subscriber.SubscriberService;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The dashboard's first page: every component with a quick status switch, the open
 * incidents, upcoming maintenance and the number of subscribers.
 */
@Controller
class OverviewController {

	private final ComponentService components;

	private final IncidentService incidents;

	private final ScheduleService schedules;

	private final SubscriberService subscribers;

	OverviewController(ComponentService components, IncidentService incidents, ScheduleService schedules,
			SubscriberService subscribers) {
		this.components = components;
		this.incidents = incidents;
		this.schedules = schedules;
		this.subscribers = subscribers;
	}

	@GetMapping("/dashboard")
	String overview(Model model) {
		List<ComponentView> all = this.components.findComponents(ListQuery.all(), List.of(), false)
			.items()
			.stream()
			.sorted(Comparator.comparingLong(ComponentView::groupId)
				.thenComparingInt(ComponentView::order)
				.thenComparingLong(ComponentView::id))
			.toList();
		model.addAttribute("components", all);
		model.addAttribute("statuses", List.of(ComponentStatus.OPERATIONAL, ComponentStatus.PERFORMANCE_ISSUES,
				ComponentStatus.PARTIAL_OUTAGE, ComponentStatus.MAJOR_OUTAGE));
		model.addAttribute("openIncidents", this.incidents.findUnresolved(false));
		model.addAttribute("maintenance", this.schedules.findUncompleted());
		model.addAttribute("subscriberCount",
				this.subscribers.findSubscribers(new ListQuery(Map.of(), null, false, 1, 1)).total());
		return "dashboard/overview";
	}

	/**
	 * The quick status switch: subscribers of the component are told (not silent).
	 */
	@PostMapping("/dashboard/components/{id}/status")
	String changeStatus(@PathVariable long id, @RequestParam int status, RedirectAttributes redirect) {
		ComponentStatus wanted = ComponentStatus.fromCode(status)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "Unknown status"));
		try {
			this.components.changeStatus(id, wanted, false, StatusChangeSource.MANUAL);
		}
		catch (ComponentNotFoundException ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		redirect.addFlashAttribute("message", "status-changed");
		return "redirect:/dashboard";
	}

}
