package io.cachet.statuspage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class CustomMarkupTests {

	@ParameterizedTest
	@ValueSource(strings = { "</sty</stylele><script>alert(1)</script>", "</STYLE><script>alert(1)</script>",
			"</style \n><script>alert(1)</script>", "</s</s</styletyletyle>", "<!--", "<![CDATA[", "</\u0000style>" })
	void cssCannotCloseOrEscapeItsStyleElement(String payload) {
		String css = CustomMarkup.css("body { color: red; }" + payload);

		assertThat(css).doesNotContain("<").startsWith("body { color: red; }");
	}

	@Test
	void cssKeepsWhatItMeans() {
		assertThat(CustomMarkup.css("a::before { content: \"<\"; } .x > .y {}"))
			.isEqualTo("a::before { content: \"\\3C \"; } .x > .y {}");
		assertThat(CustomMarkup.css(null)).isEmpty();
	}

	@Test
	void htmlKeepsFormattingLinksAndImagesButNoScript() {
		String html = CustomMarkup
			.html("<div class=\"brand\" style=\"color:red\"><a href=\"/about\" target=\"_blank\">About</a>"
					+ "<img src=\"https://cdn.example/logo.png\" alt=\"Logo\" onerror=\"alert(1)\">"
					+ "<script>alert(2)</script><a href=\"javascript:alert(3)\">x</a><iframe src=\"//evil\"></iframe>"
					+ "<svg onload=\"alert(4)\"></svg><form action=\"//evil\"><input name=\"password\"></form></div>");

		assertThat(html).contains("<div class=\"brand\" style=\"color:red\">")
			.contains("<a href=\"/about\" target=\"_blank\">About</a>")
			.contains("<img src=\"https://cdn.example/logo.png\" alt=\"Logo\">")
			.doesNotContain("alert")
			.doesNotContain("script")
			.doesNotContain("javascript:")
			.doesNotContain("iframe")
			.doesNotContain("<form")
			.doesNotContain("<input");
	}

}
