package io.cachet.statuspage;

import java.io.IOException;
import java.util.List;

import org.apache.catalina.Valve;
import org.apache.catalina.connector.ClientAbortException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;

/**
 * What {@link PublicResourceValve} answers before Tomcat builds the filter chain, and
 * what it leaves to the filters. The headers and bodies themselves are the filter's,
 * checked over HTTP by {@code StatusPageIntegrationTests} and
 * {@code BrowserDefencesIntegrationTests}.
 */
class PublicResourceValveTests {

	private final PublicResourceFilter filter = mock();

	private final Valve next = mock();

	private final Request request = mock();

	private final Response response = mock();

	@BeforeEach
	void request() {
		given(this.request.getRequestURI()).willReturn("/");
		given(this.request.getContextPath()).willReturn("");
	}

	private PublicResourceValve valve(BeforeFiltersGuard... guards) {
		var valve = new PublicResourceValve(this.filter, List.of(guards));
		valve.setNext(this.next);
		return valve;
	}

	@Test
	void answersWithoutTheFilterChain() throws Exception {
		given(this.filter.answer(this.request, this.response)).willReturn(true);
		valve().invoke(this.request, this.response);
		then(this.next).should(never()).invoke(any(), any());
	}

	@Test
	void passesOnWhatTheFilterDoesNotServe() throws Exception {
		given(this.filter.answer(this.request, this.response)).willReturn(false);
		valve().invoke(this.request, this.response);
		then(this.next).should().invoke(this.request, this.response);
	}

	@Test
	void leavesQueryStringsToTheFilters() throws Exception {
		// the API's filter answers 400 to parameters Tomcat cannot parse, before the page
		given(this.request.getQueryString()).willReturn("page=%zz");
		valve().invoke(this.request, this.response);
		then(this.filter).should(never()).answer(any(), any());
		then(this.next).should().invoke(this.request, this.response);
	}

	@Test
	void leavesTrailingSlashesToTheFilters() throws Exception {
		given(this.request.getRequestURI()).willReturn("/api/v2/summary.json/");
		valve().invoke(this.request, this.response);
		then(this.filter).should(never()).answer(any(), any());
		then(this.next).should().invoke(this.request, this.response);
	}

	@Test
	void leavesGuardedPathsToTheFilters() throws Exception {
		given(this.request.getRequestURI()).willReturn("/");
		valve((path) -> path.equals("/")).invoke(this.request, this.response);
		then(this.filter).should(never()).answer(any(), any());
		then(this.next).should().invoke(this.request, this.response);
	}

	@Test
	void answersPathsNoGuardClaims() throws Exception {
		given(this.request.getRequestURI()).willReturn("/api/v2/summary.json");
		given(this.filter.answer(this.request, this.response)).willReturn(true);
		valve((path) -> path.equals("/")).invoke(this.request, this.response);
		then(this.next).should(never()).invoke(any(), any());
	}

	@Test
	void handsAFailureToTheFilters() throws Exception {
		// down the chain the filter meets it again, inside the server error filter
		given(this.filter.answer(this.request, this.response)).willThrow(new IllegalStateException("render"));
		valve().invoke(this.request, this.response);
		then(this.response).should().reset();
		then(this.next).should().invoke(this.request, this.response);
	}

	@Test
	void saysNothingWhenTheVisitorLeft() throws Exception {
		// Tomcat would log it at ERROR with its stack trace, once per dropped connection
		given(this.filter.answer(this.request, this.response))
			.willThrow(new ClientAbortException(new IOException("Broken pipe")));
		valve().invoke(this.request, this.response);
		then(this.next).should(never()).invoke(any(), any());
	}

	@Test
	void rethrowsAFailureOnceTheAnswerIsOnItsWay() throws Exception {
		given(this.filter.answer(this.request, this.response)).willThrow(new IllegalStateException("write"));
		given(this.response.isCommitted()).willReturn(true);
		assertThatIllegalStateException().isThrownBy(() -> valve().invoke(this.request, this.response));
		then(this.next).should(never()).invoke(any(), any());
	}

}
