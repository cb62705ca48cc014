package io.cachet.sso;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import io.cachet.user.UserLevel;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The providers' properties, from the environment's variables as a container gets them
 * and from properties, and the condition that leaves OpenID Connect out without them.
 */
class OidcPropertiesTests {

	@Test
	void bindsTheEnvironmentsVariables() {
		OidcProperties properties = bind(new SystemEnvironmentPropertySource(
				StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
				Map.of("CACHET_SSO_OIDC_KEYCLOAK_ISSUERURI", "https://id.example.com/realms/ops",
						"CACHET_SSO_OIDC_KEYCLOAK_CLIENTID", "cachet", "CACHET_SSO_OIDC_KEYCLOAK_CLIENTSECRET",
						"s3cret", "CACHET_SSO_OIDC_KEYCLOAK_DISPLAYNAME", "Company account",
						"CACHET_SSO_OIDC_KEYCLOAK_GROUPSCLAIM", "roles", "CACHET_SSO_OIDC_KEYCLOAK_USERNAMECLAIM",
						"email", "CACHET_SSO_OIDC_KEYCLOAK_ADMINGROUPS", "ops-admins,sre",
						"CACHET_SSO_OIDC_KEYCLOAK_USERGROUPS", "ops", "CACHET_SSO_OIDC_KEYCLOAK_DEFAULTROLE", "user",
						"CACHET_SSO_OIDC_KEYCLOAK_SCOPES", "openid,email")));
		assertThat(properties.oidc()).containsOnlyKeys("keycloak");
		OidcProperties.Provider keycloak = properties.oidc().get("keycloak");
		assertThat(keycloak.issuerUri()).isEqualTo("https://id.example.com/realms/ops");
		assertThat(keycloak.clientId()).isEqualTo("cachet");
		assertThat(keycloak.clientSecret()).isEqualTo("s3cret");
		assertThat(keycloak.displayNameOr("keycloak")).isEqualTo("Company account");
		assertThat(keycloak.groupsClaim()).isEqualTo("roles");
		assertThat(keycloak.usernameClaim()).isEqualTo("email");
		assertThat(keycloak.adminGroups()).containsExactly("ops-admins", "sre");
		assertThat(keycloak.userGroups()).containsExactly("ops");
		assertThat(keycloak.defaultRole()).isEqualTo(UserLevel.USER);
		assertThat(keycloak.scopes()).containsExactly("openid", "email");
	}

	@Test
	void defaultsTheScopesClaimsAndName() {
		OidcProperties properties = bind(new MapPropertySource("props", Map.of("cachet.sso.oidc.google.issuer-uri",
				"https://accounts.google.com", "cachet.sso.oidc.google.client-id", "id")));
		OidcProperties.Provider google = properties.oidc().get("google");
		assertThat(google.scopes()).containsExactly("openid", "profile", "email");
		assertThat(google.groupsClaim()).isEqualTo("groups");
		assertThat(google.usernameClaim()).isEqualTo("preferred_username");
		assertThat(google.displayNameOr("google")).isEqualTo("google");
		assertThat(google.clientSecret()).isNull();
		assertThat(google.adminGroups()).isNull();
	}

	@Test
	void aProvidersGroupsReplaceTheSharedOnes() {
		RoleMapping shared = RoleMapping.of(List.of("admins"), List.of("staff"), null);
		var provider = new OidcProperties.Provider("https://id", "c", null, List.of("openid"), null, "groups",
				"preferred_username", List.of("Ops-Admins"), null, UserLevel.USER);
		RoleMapping mapping = provider.roles(shared);
		assertThat(mapping.levelFor(List.of("ops-admins"))).hasValue(UserLevel.ADMIN);
		assertThat(mapping.levelFor(List.of("admins"))).hasValue(UserLevel.USER);
		assertThat(mapping.levelFor(List.of("staff"))).hasValue(UserLevel.USER);
		assertThat(mapping.levelFor(List.of())).hasValue(UserLevel.USER);
	}

	@Test
	void withoutAProviderNoneOfTheOpenIdConnectBeansExists() {
		var runner = new ApplicationContextRunner().withUserConfiguration(Probe.class);
		runner.run((context) -> assertThat(context).doesNotHaveBean("oidcProbe"));
		runner.withPropertyValues("cachet.sso.admin-groups=admins")
			.run((context) -> assertThat(context).doesNotHaveBean("oidcProbe"));
		runner.withPropertyValues("cachet.sso.oidc.test.issuer-uri=http://127.0.0.1:1")
			.run((context) -> assertThat(context).hasBean("oidcProbe"));
		runner.withSystemProperties("CACHET_SSO_OIDC_TEST_CLIENTID=x")
			.run((context) -> assertThat(context).doesNotHaveBean("oidcProbe"));
	}

	private static OidcProperties bind(PropertySource<?> source) {
		var environment = new StandardEnvironment();
		if (environment.getPropertySources().contains(source.getName())) {
			environment.getPropertySources().replace(source.getName(), source);
		}
		else {
			environment.getPropertySources().addFirst(source);
		}
		return Binder.get(environment).bindOrCreate("cachet.sso", OidcProperties.class);
	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(OidcConfigured.class)
	static class Probe {

		@Bean
		String oidcProbe() {
			return "present";
		}

	}

}
