package io.cachet.statuspage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.cachet.component.ComponentView;
import io.cachet.settings.PageLocales;
import io.cachet.settings.SettingsService;
import io.cachet.shared.EmailAddressSyntax;
import io.cachet.shared.InvalidInputException;
import io.cachet.shared.NotFoundException;
import io.cachet.subscriber.SubscriberLinks;
import io.cachet.subscriber.SubscriberService;
import io.cachet.subscriber.SubscriberView;

/**
 * The public subscribe flow (docs/cachet-api-compatibility.md, "Subscribe flow"): the
 * form, the verification link, the manage page and unsubscribing. Every link but the
 * form's is signed ({@link SubscriberLinks}); unsubscribing asks for a click on a button,
 * so that mail scanners following links unsubscribe nobody, except the one-click POST
 * that mail clients send for {@code List-Unsubscribe-Post}.
 */
@Controller
class SubscribeController {

	private final StatusPageCache cache;

	private final SubscriberService subscribers;

	private final SubscriberLinks links;

	private final SettingsService settings;

	private final SubscribeThrottle throttle;

	SubscribeController(StatusPageCache cache, SubscriberService subscribers, SubscriberLinks links,
			SettingsService settings, SubscribeThrottle throttle) {
		this.throttle = throttle;
		this.cache = cache;
		this.subscribers = subscribers;
		this.links = links;
		this.settings = settings;
	}

	@GetMapping("/subscribe")
	String form(HttpServletRequest request, HttpServletResponse response, Model model) {
		return page(request, response, model, "status/subscribe");
	}

	@PostMapping("/subscribe")
	String subscribe(@RequestParam(defaultValue = "") String email, HttpServletRequest request,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		if (!enabled()) {
			return page(request, response, model, "status/subscribe");
		}
		String address = email.strip();
		if (!this.throttle.allowClient(request.getRemoteAddr())) {
			model.addAttribute("email", address);
			model.addAttribute("error", "subscribe.throttled");
			response.setStatus(429);
			return page(request, response, model, "status/subscribe");
		}
		if (!isSubscribable(address)) {
			model.addAttribute("email", address);
			model.addAttribute("error", "subscribe.invalidEmail");
			response.setStatus(422);
			return page(request, response, model, "status/subscribe");
		}
		// Over the mailbox's limit the page still says the same, so that it tells nobody
		// whether an address is subscribed; no e-mail goes out.
		if (this.throttle.allowMailbox(address.toLowerCase(Locale.ROOT))) {
			this.subscribers.subscribeFromPage(address, this.settings.site().skipSubscriberVerification(),
					locale(request).toLanguageTag());
		}
		redirect.addFlashAttribute("notice", "subscribe.sent");
		return "redirect:/subscribe";
	}

	/**
	 * Stricter than the dashboard, as before: a local part of at most 64 characters and a
	 * top-level domain of at least two (linear time, see {@link EmailAddressSyntax}).
	 */
	private static boolean isSubscribable(String address) {
		if (!EmailAddressSyntax.isValid(address) || EmailAddressSyntax.localPart(address).length() > 64) {
			return false;
		}
		int dot = address.indexOf('.', address.indexOf('@') + 2);
		return dot <= address.length() - 3;
	}

	@GetMapping("/subscribe/verify/{id}/{signature}")
	String verify(@PathVariable long id, @PathVariable String signature, HttpServletRequest request,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		SubscriberView subscriber = signed(id, "verify", signature);
		if (subscriber == null) {
			return invalid(request, response, model);
		}
		this.subscribers.verify(id);
		redirect.addFlashAttribute("notice", "subscribe.verified");
		return "redirect:" + path(this.links.manageUrl(id, subscriber.verifyCode()));
	}

	@GetMapping("/subscribe/manage/{id}/{signature}")
	String manage(@PathVariable long id, @PathVariable String signature, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		SubscriberView subscriber = signed(id, "manage", signature);
		if (subscriber == null) {
			return invalid(request, response, model);
		}
		Set<Long> chosen = new LinkedHashSet<>();
		subscriber.subscriptions().forEach((subscription) -> chosen.add(subscription.componentId()));
		return managePage(subscriber, chosen, request, response, model);
	}

	@PostMapping("/subscribe/manage/{id}/{signature}")
	String saveSubscriptions(@PathVariable long id, @PathVariable String signature,
			@RequestParam(name = "components", required = false) List<Long> components, HttpServletRequest request,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		SubscriberView subscriber = signed(id, "manage", signature);
		if (subscriber == null) {
			return invalid(request, response, model);
		}
		Set<Long> chosen = new LinkedHashSet<>((components != null) ? components : List.of());
		Set<Long> offered = new LinkedHashSet<>();
		offeredGroups(request).values().forEach((entries) -> entries.forEach((c) -> offered.add(c.id())));
		chosen.retainAll(offered);
		try {
			this.subscribers.changeSubscriptions(id, chosen, chosen.containsAll(offered));
		}
		catch (InvalidInputException ex) {
			model.addAttribute("error", "subscribe.manage.none");
			response.setStatus(422);
			return managePage(subscriber, chosen, request, response, model);
		}
		redirect.addFlashAttribute("notice", "subscribe.manage.saved");
		return "redirect:/subscribe/manage/" + id + "/" + signature;
	}

	@GetMapping({ "/unsubscribe/{id}/{signature}", "/unsubscribe/{id}/{componentId}/{signature}" })
	String confirmUnsubscribe(@PathVariable long id, @PathVariable(required = false) Long componentId,
			@PathVariable String signature, HttpServletRequest request, HttpServletResponse response, Model model) {
		SubscriberView subscriber = signed(id, purpose(componentId), signature);
		if (subscriber == null) {
			return invalid(request, response, model);
		}
		model.addAttribute("componentName", (componentId != null) ? componentName(request, componentId) : null);
		model.addAttribute("confirm", true);
		return page(request, response, model, "status/unsubscribe");
	}

	@PostMapping({ "/unsubscribe/{id}/{signature}", "/unsubscribe/{id}/{componentId}/{signature}" })
	String unsubscribe(@PathVariable long id, @PathVariable(required = false) Long componentId,
			@PathVariable String signature, HttpServletRequest request, HttpServletResponse response, Model model) {
		SubscriberView subscriber = signed(id, purpose(componentId), signature);
		if (subscriber == null) {
			return invalid(request, response, model);
		}
		if (componentId != null) {
			model.addAttribute("componentName", componentName(request, componentId));
			this.subscribers.unsubscribeFrom(id, componentId);
		}
		else {
			this.subscribers.deleteSubscriber(id);
		}
		model.addAttribute("confirm", false);
		return page(request, response, model, "status/unsubscribe");
	}

	private String managePage(SubscriberView subscriber, Set<Long> chosen, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		model.addAttribute("groups", offeredGroups(request));
		model.addAttribute("chosen", subscriber.global() ? allOffered(request) : chosen);
		model.addAttribute("action", path(this.links.manageUrl(subscriber.id(), subscriber.verifyCode())));
		model.addAttribute("unsubscribe", path(this.links.unsubscribeUrl(subscriber.id(), subscriber.verifyCode())));
		model.addAttribute("address", subscriber.email());
		return page(request, response, model, "status/subscribe-manage");
	}

	/**
	 * @return the components a subscriber can choose, by group name ("" for those outside
	 * any group), as the public page shows them
	 */
	private Map<String, List<ComponentView>> offeredGroups(HttpServletRequest request) {
		Map<String, List<ComponentView>> groups = new LinkedHashMap<>();
		this.cache.current().ifPresent((state) -> {
			state.snapshot()
				.groups()
				.forEach((section) -> groups.put(section.group().name(),
						section.components().stream().map(StatusPageSnapshot.ComponentEntry::component).toList()));
			List<ComponentView> other = new ArrayList<>(
					state.snapshot().ungrouped().stream().map(StatusPageSnapshot.ComponentEntry::component).toList());
			if (!other.isEmpty()) {
				groups.put("", other);
			}
		});
		return groups;
	}

	private Set<Long> allOffered(HttpServletRequest request) {
		Set<Long> ids = new LinkedHashSet<>();
		offeredGroups(request).values().forEach((entries) -> entries.forEach((c) -> ids.add(c.id())));
		return ids;
	}

	private String componentName(HttpServletRequest request, long componentId) {
		return offeredGroups(request).values()
			.stream()
			.flatMap(List::stream)
			.filter((component) -> component.id() == componentId)
			.map(ComponentView::name)
			.findFirst()
			.orElse("#" + componentId);
	}

	private SubscriberView signed(long id, String purpose, String signature) {
		try {
			SubscriberView subscriber = this.subscribers.getSubscriber(id);
			return this.links.isValid(purpose, subscriber, signature) ? subscriber : null;
		}
		catch (NotFoundException ex) {
			return null;
		}
	}

	private static String purpose(Long componentId) {
		return (componentId != null) ? "unsubscribe:" + componentId : "unsubscribe";
	}

	private String invalid(HttpServletRequest request, HttpServletResponse response, Model model) {
		response.setStatus(404);
		model.addAttribute("error", "subscribe.invalidLink");
		model.addAttribute("confirm", false);
		return page(request, response, model, "status/unsubscribe");
	}

	private String page(HttpServletRequest request, HttpServletResponse response, Model model, String template) {
		StatusPageCache.State state = this.cache.current().orElse(null);
		if (state == null) {
			response.setStatus(503);
			return "status/unavailable";
		}
		Locale locale = locale(request);
		// the page's language, not the browser's, unless the page follows the browser
		request.setAttribute(DispatcherServlet.LOCALE_RESOLVER_ATTRIBUTE, new FixedLocaleResolver(locale));
		model.addAllAttributes(StatusPageRenderer.model(state, locale));
		model.addAttribute("enabled", enabled());
		response.setHeader("Cache-Control", "no-store");
		return template;
	}

	private boolean enabled() {
		return this.settings.site().enableSubscribers();
	}

	private Locale locale(HttpServletRequest request) {
		PageSettings settings = this.cache.current().map((state) -> state.snapshot().settings()).orElse(null);
		if (settings == null) {
			return this.settings.site().locale();
		}
		return settings.automaticLocalization()
				? PageLocales.fromAcceptLanguage(request.getHeader("Accept-Language"), settings.locale())
				: settings.locale();
	}

	/**
	 * @return the path of a link (the links carry the public address, the page redirects
	 * within this server)
	 */
	private static String path(String url) {
		int start = url.indexOf('/', url.indexOf("://") + 3);
		return (start < 0) ? "/" : url.substring(start);
	}

}
