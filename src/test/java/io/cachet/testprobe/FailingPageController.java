package io.cachet.testprobe;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * A page that fails, outside the API's package so that the API's error handler does not
 * apply: what a bug in a dashboard or public page controller looks like.
 */
@Controller
public class FailingPageController {

	@GetMapping("/test/boom-page")
	String boom() {
		throw new IllegalStateException("secret page internals");
	}

}
