package io.cachet.statuspage;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Read-your-writes for the writer: a web request (API or dashboard) that changed what the
 * public page shows does not answer until this node's page shows the change, at most
 * {@link #MAX_WAIT} (then it answers anyway and says so in the log). The change is
 * remembered in the request when its transaction commits; the wait happens just before
 * the answer is written (a JSON body, a redirect or a rendered view), after the
 * transaction let go of its connection, so waiting writers do not hold the pool the
 * rebuild reads with. An answer without a body or view (a 204) is sent as the handler
 * returns, before the wait. Writers outside a request (monitors, jobs, imports) do not
 * wait; the page follows them within the refresher's debounce. Other nodes follow through
 * the cluster signal, without this guarantee.
 */
@ControllerAdvice
class ReadYourWrites implements ResponseBodyAdvice<Object>, HandlerInterceptor, WebMvcConfigurer {

	static final Duration MAX_WAIT = Duration.ofSeconds(2);

	private static final String ATTRIBUTE = ReadYourWrites.class.getName() + ".change";

	private static final Logger logger = LoggerFactory.getLogger(ReadYourWrites.class);

	/** Absent in slice tests of the web layer, which pick up advice and configurers. */
	private final ObjectProvider<StatusPageRefresher> refresher;

	ReadYourWrites(ObjectProvider<StatusPageRefresher> refresher) {
		this.refresher = refresher;
	}

	/**
	 * @return whether the current thread serves a web request
	 */
	static boolean inRequest() {
		return RequestContextHolder.getRequestAttributes() != null;
	}

	/**
	 * Remembers in the current request that its answer waits for change {@code number}.
	 */
	static void remember(long number) {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (attributes != null) {
			Object earlier = attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
			long latest = (earlier instanceof Long known) ? Math.max(known, number) : number;
			attributes.setAttribute(ATTRIBUTE, latest, RequestAttributes.SCOPE_REQUEST);
		}
	}

	/**
	 * Waits for the change the current request made, if any, once.
	 */
	void awaitPage() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (attributes == null
				|| !(attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof Long number)) {
			return;
		}
		attributes.removeAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
		StatusPageRefresher pages = this.refresher.getIfAvailable();
		if (pages == null) {
			return;
		}
		try {
			if (!pages.awaitApplied(number, MAX_WAIT)) {
				logger.warn("The status page did not show a change within {} ms; answering the writer anyway",
						MAX_WAIT.toMillis());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this);
	}

	/**
	 * Before a view or a redirect is sent (the dashboard's post/redirect/get).
	 */
	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			@Nullable ModelAndView modelAndView) {
		awaitPage();
	}

	@Override
	public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	/**
	 * Before a body is written (the API).
	 */
	@Override
	public @Nullable Object beforeBodyWrite(@Nullable Object body, MethodParameter returnType,
			MediaType selectedContentType, Class<? extends HttpMessageConverter<?>> selectedConverterType,
			ServerHttpRequest request, ServerHttpResponse response) {
		awaitPage();
		return body;
	}

}
