package io.cachet.shared;

/**
 * The Content-Security-Policy of each kind of answer, in one place so that the security
 * chains and the public pages' fast path (which answers before Spring Security) send the
 * same headers.
 * <p>
 * Scripts come only from the site's own files ({@code script-src 'self'}, no
 * {@code 'unsafe-inline'}, no nonces): the public pages are rendered once and served to
 * everyone from memory, so a per-request nonce cannot be in their bytes, and no page
 * needs an inline script (the status page's and the dashboard's behaviours live in
 * {@code static/status/status.js} and {@code static/dashboard-assets/dashboard.js}).
 * <p>
 * Styles: the public pages allow {@code 'unsafe-inline'} styles. The theme's colours and
 * the team's custom CSS are {@code <style>} blocks rendered with the page, and the uptime
 * bars size their runs with {@code style} attributes, which hashes could only allow with
 * {@code 'unsafe-hashes'}. Inline CSS cannot run script; the custom CSS is written by
 * admins and cannot close its {@code <style>} element. The dashboard has no inline style
 * and allows none.
 */
public final class BrowserPolicy {

	private static final String COMMON = "default-src 'self'; script-src 'self'; object-src 'none'; "
			+ "base-uri 'self'; form-action 'self'";

	/**
	 * The public pages: images and fonts from anywhere over HTTPS (a team's header may
	 * show its logo from a CDN), the page itself framed only by the same site.
	 */
	public static final String PUBLIC_PAGE = COMMON
			+ "; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; font-src 'self' data: https:"
			+ "; frame-ancestors 'self'";

	/** The widget ({@code /embed}): the same, framed by any site. */
	public static final String EMBED = COMMON
			+ "; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; font-src 'self' data: https:"
			+ "; frame-ancestors *";

	/**
	 * The dashboard, login, setup and sign-up pages: nothing inline, images from the site
	 * and data URIs (the two-factor QR code), never framed.
	 */
	public static final String DASHBOARD = COMMON + "; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'";

	/**
	 * The JSON API: its answers are data, never a document that loads anything. (Swagger
	 * UI's pages, {@code /api/docs} and {@code /api/swagger-ui/**}, get
	 * {@link #PUBLIC_PAGE}: they are documents with inline styles.)
	 */
	public static final String API = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

	/** {@code Referrer-Policy} everywhere: other sites see the origin only. */
	public static final String REFERRER_POLICY = "strict-origin-when-cross-origin";

	private BrowserPolicy() {
	}

}
