package io.cachet.dashboard;

import jakarta.servlet.MultipartConfigElement;

import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * The one route that takes a large upload, the backup import, has a servlet of its own.
 * Tomcat parses a multipart body with the limits of the servlet its path maps to, so the
 * application's limit ({@code spring.servlet.multipart.*}, 1 MB) holds for every other
 * form, the unauthenticated login and subscribe forms included, and a backup may be as
 * large as {@code cachet.backup.max-upload-size} (64 MB). The limits are enforced while
 * reading, so a chunked body without a length is stopped as well. The servlet is a second
 * {@link DispatcherServlet} over the same application context: the same controllers,
 * security filters and error pages.
 */
@Configuration(proxyBeanMethods = false)
class BackupUploadServlet {

	static final String PATH = "/dashboard/settings/backup";

	@Bean
	ServletRegistrationBean<DispatcherServlet> backupUploadServletRegistration(WebApplicationContext context,
			BackupUploadProperties properties) {
		DataSize maxUpload = properties.maxUploadSize();
		var registration = new ServletRegistrationBean<>(new DispatcherServlet(context), PATH);
		registration.setName("backupUpload");
		registration.setLoadOnStartup(1);
		registration.setMultipartConfig(new MultipartConfigElement(null, maxUpload.toBytes(), maxUpload.toBytes(),
				(int) DataSize.ofMegabytes(1).toBytes()));
		return registration;
	}

}
