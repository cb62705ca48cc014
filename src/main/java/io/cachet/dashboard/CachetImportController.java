package io.cachet.dashboard;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.cachet.cachetimport.CachetImportJobs;
import io.cachet.outbound.OutboundNotAllowedException;

/**
 * Importing a live Cachet 2.4 through its API (admins: under the settings). The import
 * runs in the background; the page shows its steps and refreshes itself until it ends,
 * then shows what was imported or why nothing was.
 */
@Controller
class CachetImportController {

	private final CachetImportJobs jobs;

	CachetImportController(CachetImportJobs jobs) {
		this.jobs = jobs;
	}

	@GetMapping("/dashboard/settings/import")
	String page(Model model) {
		model.addAttribute("job", this.jobs.current());
		return "dashboard/cachet-import";
	}

	@PostMapping("/dashboard/settings/import")
	String start(@RequestParam(defaultValue = "") String url, @RequestParam(defaultValue = "") String token,
			Model model, RedirectAttributes redirect) {
		URI address = address(url.strip());
		if (address == null || token.isBlank()) {
			model.addAttribute("job", this.jobs.current());
			model.addAttribute("url", url);
			model.addAttribute("error",
					(address == null) ? "Give the address of the Cachet status page (http or https)."
							: "Give the API token of an admin of that Cachet.");
			return "dashboard/cachet-import";
		}
		try {
			if (!this.jobs.start(address, token.strip())) {
				redirect.addFlashAttribute("error", "An import is running already.");
			}
		}
		catch (OutboundNotAllowedException ex) {
			model.addAttribute("job", this.jobs.current());
			model.addAttribute("url", url);
			model.addAttribute("error", "The address is refused: " + ex.getMessage());
			return "dashboard/cachet-import";
		}
		return "redirect:/dashboard/settings/import";
	}

	private static URI address(String url) {
		try {
			URI uri = new URI(url);
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			return ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) ? uri : null;
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

}
