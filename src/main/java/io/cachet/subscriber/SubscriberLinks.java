package io.cachet.subscriber;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.cachet.backup.BackupImported;
import io.cachet.settings.PublicAddress;
import io.cachet.settings.SettingsService;

/**
 * The signed links a subscriber receives: verify, manage, unsubscribe from everything or
 * from one component. A signature is an HMAC-SHA256 over the purpose, the subscriber's id
 * and their secret verify code, keyed with a random key of this installation (setting
 * {@code subscriber_link_key}); links cannot be guessed or altered, and deleting a
 * subscriber makes all of theirs dead.
 */
@Component
public class SubscriberLinks {

	private static final String KEY_SETTING = "subscriber_link_key";

	private final SettingsService settings;

	private final PublicAddress address;

	/** Read once: a fan-out signs several links per message. */
	private volatile @Nullable SecretKeySpec key;

	SubscriberLinks(SettingsService settings, PublicAddress address) {
		this.settings = settings;
		this.address = address;
	}

	public String verifyUrl(long subscriberId, String verifyCode) {
		return this.address.baseUrl() + "/subscribe/verify/" + subscriberId + "/"
				+ signature("verify", subscriberId, verifyCode);
	}

	public String manageUrl(long subscriberId, String verifyCode) {
		return this.address.baseUrl() + "/subscribe/manage/" + subscriberId + "/"
				+ signature("manage", subscriberId, verifyCode);
	}

	public String unsubscribeUrl(long subscriberId, String verifyCode) {
		return this.address.baseUrl() + "/unsubscribe/" + subscriberId + "/"
				+ signature("unsubscribe", subscriberId, verifyCode);
	}

	public String unsubscribeFromComponentUrl(long subscriberId, String verifyCode, long componentId) {
		return this.address.baseUrl() + "/unsubscribe/" + subscriberId + "/" + componentId + "/"
				+ signature("unsubscribe:" + componentId, subscriberId, verifyCode);
	}

	/**
	 * @param purpose {@code verify}, {@code manage}, {@code unsubscribe} or
	 * {@code unsubscribe:<component id>}
	 */
	public boolean isValid(String purpose, SubscriberView subscriber, String signature) {
		byte[] expected = signature(purpose, subscriber.id(), subscriber.verifyCode())
			.getBytes(StandardCharsets.US_ASCII);
		return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
	}

	/**
	 * An imported backup brings the key of the install it came from.
	 */
	@EventListener(BackupImported.class)
	void forgetKey() {
		this.key = null;
	}

	private SecretKeySpec key() {
		SecretKeySpec current = this.key;
		if (current == null) {
			current = new SecretKeySpec(this.settings.secret(KEY_SETTING).getBytes(StandardCharsets.UTF_8),
					"HmacSHA256");
			this.key = current;
		}
		return current;
	}

	private String signature(String purpose, long subscriberId, String verifyCode) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key());
			byte[] digest = mac
				.doFinal((purpose + ":" + subscriberId + ":" + verifyCode).getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

}
