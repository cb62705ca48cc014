package io.cachet.dashboard;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The backup upload ({@code cachet.backup.*}).
 *
 * @param maxUploadSize the largest backup the dashboard accepts
 */
@ConfigurationProperties("cachet.backup")
record BackupUploadProperties(@DefaultValue("64MB") DataSize maxUploadSize) {

}
