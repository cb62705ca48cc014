package io.cachet.user;

/**
 * A TOTP secret offered to a user, not yet enabled: it becomes their second factor once
 * they confirm it with a code from their authenticator app.
 *
 * @param secret base32, to type in by hand
 * @param qrCodeDataUri a PNG QR code of the {@code otpauth://} URI, for an {@code <img>}
 */
public record TwoFactorEnrollment(String secret, String qrCodeDataUri) implements java.io.Serializable {
}
