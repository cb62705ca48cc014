package io.cachet.dashboard;

import java.util.List;
import java.util.Locale;

import io.cachet.audit.AuditEntry;
import io.cachet.audit.AuditLog;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit log: who did what and when, the latest first, filterable by user and by words
 * of the action or description.
 */
@Controller
class AuditController {

	private static final int SHOWN = 500;

	private final AuditLog log;

	AuditController(AuditLog log) {
		this.log = log;
	}

	@GetMapping("/dashboard/audit")
	String audit(@RequestParam(defaultValue = "") String user, @RequestParam(defaultValue = "") String q, Model model) {
		String who = user.strip().toLowerCase(Locale.ROOT);
		String what = q.strip().toLowerCase(Locale.ROOT);
		List<AuditEntry> entries = this.log.latest(SHOWN)
			.stream()
			.filter((entry) -> who.isEmpty()
					|| (entry.username() != null && entry.username().toLowerCase(Locale.ROOT).contains(who)))
			.filter((entry) -> what.isEmpty() || entry.action().toLowerCase(Locale.ROOT).contains(what)
					|| entry.description().toLowerCase(Locale.ROOT).contains(what))
			.toList();
		model.addAttribute("entries", entries);
		model.addAttribute("user", user);
		model.addAttribute("q", q);
		return "dashboard/audit";
	}

}
