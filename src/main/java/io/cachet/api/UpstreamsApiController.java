package io.cachet.api;

import java.util.Map;
import java.util.Set;

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
import io.cachet.upstream.UpstreamService;

/**
 * Followed status pages ("upstreams"), our extension to Cachet 2.4's API, behind the
 * token (reads too): {@code name}, {@code url} (a Statuspage {@code summary.json} or
 * another Cachet's {@code /api/v1/components}; fixed once created), {@code kind}
 * ({@code statuspage} or {@code cachet}, detected when omitted), {@code interval}
 * (seconds between fetches, at least 30, default 60), {@code grace} (seconds unreachable
 * before its components become unknown, default 300), {@code enabled}. {@code PUT
 * /{id}/components/{componentId}} with {@code hidden} hides or shows one of its
 * components.
 */
@RestController
@RequestMapping("/api/v1/upstreams")
class UpstreamsApiController {

	private static final Map<String, FilterType> SEARCHABLE = Map.of("id", FilterType.INTEGER, "name",
			FilterType.STRING, "url", FilterType.STRING, "enabled", FilterType.BOOLEAN);

	private final UpstreamService upstreams;

	private final ApiTimes times;

	UpstreamsApiController(UpstreamService upstreams, ApiTimes times) {
		this.upstreams = upstreams;
		this.times = times;
	}

	@GetMapping
	ApiList<UpstreamResponse> list(HttpServletRequest request) {
		var page = this.upstreams
			.findUpstreams(ListParams.parse(request, SEARCHABLE, Set.of("id", "name", "url", "created_at")));
		return ApiList.of(page.map((upstream) -> UpstreamResponse.of(upstream, this.times)), request);
	}

	@GetMapping("/{id:\\d+}")
	ApiItem<UpstreamResponse> get(@PathVariable long id) {
		return new ApiItem<>(UpstreamResponse.of(this.upstreams.getUpstream(id), this.times));
	}

	@PostMapping
	ApiItem<UpstreamResponse> create(NewUpstreamRequest request) {
		return new ApiItem<>(UpstreamResponse.of(this.upstreams.createUpstream(request.command()), this.times));
	}

	@PutMapping("/{id:\\d+}")
	ApiItem<UpstreamResponse> update(@PathVariable long id, UpstreamRequest request) {
		return new ApiItem<>(UpstreamResponse.of(this.upstreams.updateUpstream(id, request.command()), this.times));
	}

	@DeleteMapping("/{id:\\d+}")
	ResponseEntity<Void> delete(@PathVariable long id) {
		this.upstreams.deleteUpstream(id);
		return ResponseEntity.noContent().build();
	}

	@PutMapping("/{id:\\d+}/components/{componentId:\\d+}")
	ApiItem<UpstreamResponse> hide(@PathVariable long id, @PathVariable long componentId,
			UpstreamComponentRequest request) {
		return new ApiItem<>(UpstreamResponse
			.of(this.upstreams.setHidden(id, componentId, Boolean.TRUE.equals(request.hidden())), this.times));
	}

}
