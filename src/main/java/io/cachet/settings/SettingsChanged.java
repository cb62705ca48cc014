package io.cachet.settings;

/**
 * A setting was saved (the public page shows most of them).
 */
public record SettingsChanged(String name) {
}
