package io.cachet.api;

import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.cachet.api.ListParams.FilterType;
import io.cachet.notification.DeliveryLog;
import io.cachet.notification.UpdatedWebhook;
import io.cachet.notification.WebhookService;

/**
 * Webhooks, our extension to Cachet 2.4's API, for admins' tokens only (reads too: they
 * hold addresses): {@code url} (returned in full once, by the create call; afterwards cut
 * to scheme and host), {@code secret} (made up when omitted, returned once by the create
 * call; an update that changes the {@code url} without giving a {@code secret} makes up a
 * new one and returns it once, in that update's answer), {@code description},
 * {@code format} ({@code json}, {@code slack}, {@code discord}, {@code teams}),
 * {@code send_all_events} or {@code events} (a list of {@code incident_created},
 * {@code incident_updated}, {@code component_status_changed},
 * {@code maintenance_scheduled}, {@code maintenance_started},
 * {@code maintenance_completed}), {@code enabled}. Each call is a POST signed with
 * HMAC-SHA256 of the body under the secret, in {@code X-Cachet-Signature: sha256=<hex>};
 * {@code /deliveries} is its log.
 */
@RestController
@RequestMapping("/api/v1/webhooks")
class WebhooksApiController {

	private static final Map<String, FilterType> SEARCHABLE = Map.of("id", FilterType.INTEGER, "url",
			FilterType.STRING);

	private final WebhookService webhooks;

	private final DeliveryLog log;

	private final ApiTimes times;

	WebhooksApiController(WebhookService webhooks, DeliveryLog log, ApiTimes times) {
		this.webhooks = webhooks;
		this.log = log;
		this.times = times;
	}

	/**
	 * Lists webhooks. Filtering by {@code url} is an exact match (a caller must already
	 * know the whole URL); sorting by it is not offered, since the order would tell
	 * hidden URLs apart a letter at a time.
	 */
	@GetMapping
	ApiList<WebhookResponse> list(HttpServletRequest request) {
		var page = this.webhooks.findWebhooks(ListParams.parse(request, SEARCHABLE, Set.of("id", "created_at")));
		return ApiList.of(page.map((webhook) -> WebhookResponse.of(webhook, this.times, null)), request);
	}

	@GetMapping("/{id:\\d+}")
	ApiItem<WebhookResponse> get(@PathVariable long id) {
		return new ApiItem<>(WebhookResponse.of(this.webhooks.getWebhook(id), this.times, null));
	}

	@PostMapping
	ResponseEntity<ApiItem<WebhookResponse>> create(NewWebhookRequest request) {
		var created = this.webhooks.createWebhook(request.command());
		return ResponseEntity.status(HttpStatus.OK)
			.body(new ApiItem<>(WebhookResponse.created(created.webhook(), this.times, created.secret())));
	}

	@PutMapping("/{id:\\d+}")
	ApiItem<WebhookResponse> update(@PathVariable long id, WebhookRequest request) {
		UpdatedWebhook updated = this.webhooks.updateWebhook(id, request.command());
		return new ApiItem<>(WebhookResponse.of(updated.webhook(), this.times, updated.newSecret()));
	}

	@DeleteMapping("/{id:\\d+}")
	ResponseEntity<Void> delete(@PathVariable long id) {
		this.webhooks.deleteWebhook(id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{id:\\d+}/deliveries")
	ApiList<WebhookDeliveryResponse> deliveries(@PathVariable long id, HttpServletRequest request) {
		var query = ListParams.parse(request, Map.of(), Set.of());
		var page = this.log.webhookDeliveries(id, query.page(), query.perPage());
		return ApiList.of(page
			.map((delivery) -> WebhookDeliveryResponse.of(delivery, this.log.attempts(delivery.id()), this.times)),
				request);
	}

}
