package io.cachet.crawl;

import java.net.URI;

import org.junit.jupiter.api.Test;

import io.cachet.shared.BrowserPolicy;

import static org.assertj.core.api.Assertions.assertThat;

class CspChecksTests {

	private static final URI PAGE = URI.create("http://localhost:8080/dashboard");

	@Test
	void findsWhatThePolicyWouldRefuse() {
		String html = "<!DOCTYPE html><html><head><style>p{}</style><script>alert(1)</script>"
				+ "<script src=\"https://cdn.example/x.js\"></script></head><body><p style=\"color:red\" "
				+ "onclick=\"x()\">x</p><a href=\"javascript:x()\">y</a><img src=\"https://cdn.example/a.png\"></body></html>";

		assertThat(CspChecks.problems(BrowserPolicy.DASHBOARD, html, PAGE)).hasSize(7);
		assertThat(CspChecks.problems(null, html, PAGE)).containsExactly("has no Content-Security-Policy");
		// the public pages allow inline styles and images over HTTPS
		assertThat(CspChecks.problems(BrowserPolicy.PUBLIC_PAGE, html, PAGE)).hasSize(4);
	}

	@Test
	void acceptsAPageThatFollowsIt() {
		String html = "<!DOCTYPE html><html><head><link rel=\"stylesheet\" href=\"/dashboard-assets/dashboard.css\">"
				+ "<script src=\"/dashboard-assets/dashboard.js\" defer></script></head><body>"
				+ "<form data-confirm=\"Sure?\"></form><img src=\"data:image/png;base64,AAAA\"></body></html>";

		assertThat(CspChecks.problems(BrowserPolicy.DASHBOARD, html, PAGE)).isEmpty();
	}

}
