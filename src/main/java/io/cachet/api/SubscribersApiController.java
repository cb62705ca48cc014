package io.cachet.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.cachet.api.ListParams.FilterType;
import io.cachet.settings.SettingsService;
import io.cachet.subscriber.SubscriberService;

/**
 * Subscribers: Cachet 2.4 routes 40 to 43, all behind the token. The verification e-mail
 * for an unverified subscriber is sent by the notification module when it hears of the
 * new subscriber.
 */
@RestController
class SubscribersApiController {

	static final Map<String, FilterType> SEARCHABLE = Map.of("id", FilterType.INTEGER, "email", FilterType.STRING,
			"global", FilterType.BOOLEAN);

	private final SubscriberService subscribers;

	private final SettingsService settings;

	private final ApiTimes times;

	SubscribersApiController(SubscriberService subscribers, SettingsService settings, ApiTimes times) {
		this.subscribers = subscribers;
		this.settings = settings;
		this.times = times;
	}

	@GetMapping("/api/v1/subscribers")
	ApiList<SubscriberResponse> list(HttpServletRequest request) {
		var page = this.subscribers.findSubscribers(ListParams.parse(request, SEARCHABLE, SEARCHABLE.keySet()));
		return ApiList.of(page.map((subscriber) -> SubscriberResponse.of(subscriber, this.times)), request);
	}

	@PostMapping("/api/v1/subscribers")
	ApiItem<SubscriberResponse> create(ApiFields fields) {
		if (!fields.has("email")) {
			fields.required("email");
		}
		String email = fields.email("email");
		if (email != null && email.length() > 255) {
			fields.error("The email may not be greater than 255 characters.");
		}
		Boolean verify = fields.bool("verify");
		List<Long> components = componentIds(fields);
		fields.validate();
		boolean verified = (verify != null) ? verify : this.settings.site().skipSubscriberVerification();
		return new ApiItem<>(
				SubscriberResponse.of(this.subscribers.subscribe(email, verified, components), this.times));
	}

	@DeleteMapping("/api/v1/subscribers/{id:\\d+}")
	ResponseEntity<Void> delete(@PathVariable long id) {
		this.subscribers.deleteSubscriber(id);
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping("/api/v1/subscriptions/{id:\\d+}")
	ResponseEntity<Void> deleteSubscription(@PathVariable long id) {
		this.subscribers.deleteSubscription(id);
		return ResponseEntity.noContent().build();
	}

	private static @Nullable List<Long> componentIds(ApiFields fields) {
		List<Object> raw = fields.list("components");
		if (raw == null) {
			return null;
		}
		List<Long> ids = new ArrayList<>();
		for (Object value : raw) {
			Long id = (value != null) ? new ApiFields(Map.of("component", value)).id("component") : null;
			if (id == null) {
				fields.error("The components must be component ids.");
				return ids;
			}
			ids.add(id);
		}
		return ids;
	}

}
