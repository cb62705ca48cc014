package io.cachet.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.cachet.shared.ListQuery;
import io.cachet.subscriber.SubscriberService;
import io.cachet.subscriber.SubscriberView;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Subscribers: list and search, add several addresses at once (verified, as Cachet's
 * dashboard does: the team vouches for them), delete.
 */
@Controller
@RequestMapping("/dashboard/subscribers")
class SubscribersController {

	private static final int MAX_BULK = 1000;

	private final SubscriberService subscribers;

	private final SubscriberImport importer;

	SubscribersController(SubscriberService subscribers, SubscriberImport importer) {
		this.subscribers = subscribers;
		this.importer = importer;
	}

	@GetMapping
	String list(@RequestParam(defaultValue = "") String q, Model model) {
		String search = q.strip().toLowerCase(Locale.ROOT);
		List<SubscriberView> found = this.subscribers.findSubscribers(ListQuery.all())
			.items()
			.stream()
			.filter((subscriber) -> search.isEmpty()
					|| (subscriber.email() != null && subscriber.email().toLowerCase(Locale.ROOT).contains(search)))
			.toList();
		model.addAttribute("subscribers", found);
		model.addAttribute("q", q);
		return "dashboard/subscribers";
	}

	/**
	 * Adds every address of the text (one per line, or separated by commas or spaces); if
	 * any is not an e-mail address, none is added and the form says which.
	 */
	@PostMapping
	String add(@RequestParam(defaultValue = "") String emails, RedirectAttributes redirect) {
		List<String> addresses = new ArrayList<>();
		List<String> invalid = new ArrayList<>();
		for (String candidate : emails.split(EmailAddresses.SEPARATORS)) {
			String address = candidate.strip();
			if (address.isEmpty()) {
				continue;
			}
			if (!EmailAddresses.isValid(address)) {
				invalid.add(address);
			}
			else {
				addresses.add(address);
			}
		}
		if (!invalid.isEmpty() || addresses.isEmpty() || addresses.size() > MAX_BULK) {
			redirect.addFlashAttribute("error",
					!invalid.isEmpty() ? "Not e-mail addresses: " + String.join(", ", invalid) : addresses.isEmpty()
							? "Enter at least one e-mail address." : "At most " + MAX_BULK + " addresses at once.");
			redirect.addFlashAttribute("emails", emails);
			return "redirect:/dashboard/subscribers";
		}
		this.importer.addVerified(addresses);
		redirect.addFlashAttribute("message", "Added " + addresses.size() + " subscriber(s).");
		return "redirect:/dashboard/subscribers";
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		this.subscribers.deleteSubscriber(id);
		redirect.addFlashAttribute("message", "Subscriber deleted.");
		return "redirect:/dashboard/subscribers";
	}

}
