package io.cachet.dashboard;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.cachet.shared.DatabaseOutage;

import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * A {@code @WebMvcTest} slice of dashboard controllers: the controllers named, the
 * dashboard's {@link DashboardExceptionHandler} (404 page) and Thymeleaf, so the real
 * templates render. The test mocks the services the controllers call
 * ({@code @MockitoBean}).
 * <p>
 * What the slice leaves out, on purpose:
 * <ul>
 * <li>the dashboard's own security chain ({@code DashboardSecurityConfiguration} is a
 * {@code @Configuration}, which a slice does not load, and needs the user store, the
 * throttle and remember-me): Spring Boot's default chain stands in for it, so a request
 * needs a user ({@code with(user("admin").roles("ADMIN"))}) and a form post needs
 * {@code with(csrf())}. Who may see which page is the role-matrix test's job
 * ({@code RoleMatrixIntegrationTests});</li>
 * <li>the API adapter's MVC components ({@code io.cachet.api}: its error handler,
 * argument resolver and filters), which the component scan would otherwise pick up as it
 * does for any {@code @WebMvcTest};</li>
 * <li>the database: {@link DatabaseOutage} (which the exception handler asks whether a
 * database error is an outage) is a mock that answers "no".</li>
 * </ul>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest(excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = "io\\.cachet\\.api\\..*"))
@MockitoBean(types = DatabaseOutage.class)
public @interface DashboardSliceTest {

	/**
	 * @return the controllers to test
	 */
	@AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
	Class<?>[] value() default {};

}
