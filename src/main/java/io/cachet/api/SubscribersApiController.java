package io.cachet.api;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

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
	@SuppressWarnings("NullAway")
	ApiItem<SubscriberResponse> create(SubscribeRequest request) {
		boolean verified = (request.verify() != null) ? request.verify()
				: this.settings.site().skipSubscriberVerification();
		return new ApiItem<>(SubscriberResponse
			.of(this.subscribers.subscribe(request.email(), verified, request.components()), this.times));
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

}
