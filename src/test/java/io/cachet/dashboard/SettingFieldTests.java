package io.cachet.dashboard;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a settings page turns each submitted field into the value it stores, or an error.
 */
class SettingFieldTests {

	@Test
	void checkboxesStoreOneOrZero() {
		SettingField field = SettingField.bool("display_graphs", "Show metric charts", true);

		assertThat(field.normalize("on").value()).isEqualTo("1");
		assertThat(field.normalize("true").value()).isEqualTo("1");
		assertThat(field.normalize("1").value()).isEqualTo("1");
		assertThat(field.normalize(null).value()).isEqualTo("0");
		assertThat(field.normalize("yes").value()).isEqualTo("0");
	}

	@Test
	void numbersMustBeWholeAndInRange() {
		SettingField field = SettingField.number("app_incident_days", "Days", 7, 1, 90);

		assertThat(field.normalize(" 30 ").value()).isEqualTo("30");
		assertThat(field.normalize("91").errorMessage()).hasValue("must be between 1 and 90");
		assertThat(field.normalize("0").errorMessage()).hasValue("must be between 1 and 90");
		assertThat(field.normalize("7.5").errorMessage()).hasValue("must be a whole number");
		assertThat(field.normalize("").errorMessage()).hasValue("must be a whole number");
	}

	@Test
	void coloursAreHexOrNamedAndMayBeEmpty() {
		SettingField field = SettingField.color("style_reds", "Reds", "#FF6F6F");

		assertThat(field.normalize("#7ED321").value()).isEqualTo("#7ED321");
		assertThat(field.normalize("red").value()).isEqualTo("red");
		assertThat(field.normalize("").value()).isEmpty();
		assertThat(field.normalize("red; background: url(x)").errorMessage())
			.hasValue("must be a colour such as #7ED321");
	}

	@Test
	void selectsTakeOnlyTheirChoices() {
		SettingField field = SettingField.select("mail_encryption", "Encryption", "tls",
				java.util.List.of("none", "tls", "ssl"));

		assertThat(field.normalize("ssl").value()).isEqualTo("ssl");
		assertThat(field.normalize("starttls").errorMessage()).hasValue("is not one of the choices");
	}

	@Test
	void textHasAMaximumLength() {
		SettingField field = SettingField.text("app_name", "Name", "Cachet");

		assertThat(field.normalize("Acme Status").value()).isEqualTo("Acme Status");
		assertThat(field.normalize("x".repeat(field.max() + 1)).errorMessage()).hasValue("is too long");
	}

}
