package io.cachet.dashboard;

import java.util.List;

import io.cachet.notification.DeliveryLog;
import io.cachet.notification.DeliveryView;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Deliveries: the recent notifications with how their deliveries stand, the queue depth,
 * and sending failed deliveries again.
 */
@Controller
@RequestMapping("/dashboard/notifications")
class DeliveriesController {

	private static final int RECENT = 50;

	private final DeliveryLog log;

	DeliveriesController(DeliveryLog log) {
		this.log = log;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("counts", this.log.countsByStatus());
		model.addAttribute("notifications", this.log.recentNotifications(RECENT));
		return "dashboard/notifications";
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, Model model) {
		List<DeliveryView> unsent = this.log.unsent(id);
		model.addAttribute("notificationId", id);
		model.addAttribute("notification",
				this.log.recentNotifications(RECENT)
					.stream()
					.filter((summary) -> summary.id() == id)
					.findFirst()
					.orElse(null));
		model.addAttribute("deliveries", unsent);
		model.addAttribute("anyFailed", unsent.stream().anyMatch((delivery) -> "failed".equals(delivery.status())));
		return "dashboard/notification";
	}

	@PostMapping("/{id}/retry")
	String retryFailed(@PathVariable long id, RedirectAttributes redirect) {
		int queued = this.log.retryFailed(id);
		redirect.addFlashAttribute("message",
				"Queued " + queued + " failed deliver" + ((queued == 1) ? "y" : "ies") + " again.");
		return "redirect:/dashboard/notifications/" + id;
	}

	@PostMapping("/{id}/deliveries/{deliveryId}/retry")
	String retry(@PathVariable long id, @PathVariable long deliveryId, RedirectAttributes redirect) {
		redirect.addFlashAttribute("message",
				this.log.retry(deliveryId) ? "Delivery queued again." : "That delivery had not failed.");
		return "redirect:/dashboard/notifications/" + id;
	}

}
