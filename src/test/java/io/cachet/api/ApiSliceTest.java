package io.cachet.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.cachet.cluster.RateLimits;
import io.cachet.settings.AllowedOrigins;
import io.cachet.settings.PublicAddress;
import io.cachet.settings.SettingsService;
import io.cachet.shared.DatabaseOutage;
import io.cachet.user.UserService;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * A {@code @WebMvcTest} slice of API controllers with the API's real adapter around them:
 * its security chain ({@link ApiSecurityConfiguration}: public reads, the
 * {@code X-Cachet-Token} header, 401 and 403 in Cachet's envelope), its filters and
 * {@link ApiExceptionHandler}, Cachet's timestamps ({@link ApiTimes}) and public
 * addresses ({@link PublicUrls}), and the API's properties ({@link ApiProperties}: a
 * slice scans no configuration properties). The services behind the controllers are
 * mocks, which the test declares with {@code @MockitoBean}.
 * <p>
 * The beans the adapter itself needs are mocks declared here, so a test
 * {@code @Autowired}s them to stub them: {@link UserService} (a token is valid when
 * {@code authenticateApiToken} returns a user, see {@link ApiSlices#signedIn}),
 * {@link SettingsService} (stub {@code timezone()}, see
 * {@link ApiSlices#inUtc(SettingsService)}), {@link PublicAddress},
 * {@link AllowedOrigins} (no CORS), {@link RateLimits} (unused: the tests' rate limit is
 * 0) and {@link DatabaseOutage}. The dashboard's MVC components are left out.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest(excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = "io\\.cachet\\.dashboard\\..*"))
@EnableConfigurationProperties(ApiProperties.class)
@Import({ ApiSecurityConfiguration.class, ApiErrorWriter.class, ApiTimes.class, PublicUrls.class,
		ApiRequestBinder.class })
@MockitoBean(types = { UserService.class, SettingsService.class, PublicAddress.class, AllowedOrigins.class,
		RateLimits.class, DatabaseOutage.class })
@interface ApiSliceTest {

	/**
	 * @return the controllers to test
	 */
	@AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
	Class<?>[] value() default {};

}
