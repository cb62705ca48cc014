package io.cachet.api;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApiAcceptFilterTests {

	@Test
	void admitsJsonAndWildcards() {
		assertThat(ApiAcceptFilter.acceptsJson("application/json")).isTrue();
		assertThat(ApiAcceptFilter.acceptsJson("application/json; charset=utf-8")).isTrue();
		assertThat(ApiAcceptFilter.acceptsJson("*/*")).isTrue();
		assertThat(ApiAcceptFilter.acceptsJson("text/plain, application/*;q=0.5")).isTrue();
	}

	@Test
	void refusesOtherTypesAndZeroQualityAndGarbage() {
		assertThat(ApiAcceptFilter.acceptsJson("text/html")).isFalse();
		assertThat(ApiAcceptFilter.acceptsJson("application/xml")).isFalse();
		assertThat(ApiAcceptFilter.acceptsJson("application/json;q=0")).isFalse();
		assertThat(ApiAcceptFilter.acceptsJson("this is not a media type")).isFalse();
	}

}
