package io.cachet.dashboard;

import java.util.Map;

import io.cachet.settings.SettingsService;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Saves a settings page in one transaction: all its values or none.
 */
@Service
class SettingsWriter {

	private final SettingsService settings;

	SettingsWriter(SettingsService settings) {
		this.settings = settings;
	}

	@Transactional
	void saveAll(Map<String, String> values) {
		values.forEach(this.settings::set);
	}

}
