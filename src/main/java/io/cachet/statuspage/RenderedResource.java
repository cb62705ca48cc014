package io.cachet.statuspage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;

import org.jspecify.annotations.Nullable;

/**
 * A response rendered once and served many times: its bytes, the same bytes gzipped (when
 * that saves anything), and an ETag from its content, so that a rebuild that changes
 * nothing keeps browsers' and CDNs' copies valid.
 *
 * @param status the HTTP status (200, or 404/503 for the pages that say so)
 * @param cacheControl the {@code Cache-Control} header
 */
record RenderedResource(int status, byte[] body, byte @Nullable [] gzipped, String etag, String contentType,
		String cacheControl) {

	/**
	 * Browsers revalidate every time (a 304 with the ETag costs nothing), so a change is
	 * seen at once; shared caches (CDNs) keep a page 10 s, and serve it stale while they
	 * revalidate or while we fail.
	 */
	public static final String PAGE_CACHE_CONTROL = "public, max-age=0, s-maxage=10, stale-while-revalidate=30, "
			+ "stale-if-error=86400";

	public static RenderedResource of(String body, String contentType) {
		return of(200, body, contentType, PAGE_CACHE_CONTROL);
	}

	public static RenderedResource of(int status, String body, String contentType, String cacheControl) {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		byte[] gzipped = gzip(bytes);
		return new RenderedResource(status, bytes, (gzipped.length < bytes.length) ? gzipped : null, etagOf(bytes),
				contentType, cacheControl);
	}

	private static String etagOf(byte[] bytes) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
			return "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] gzip(byte[] bytes) {
		var out = new ByteArrayOutputStream(bytes.length / 4 + 64);
		try (var gzip = new GZIPOutputStream(out)) {
			gzip.write(bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
