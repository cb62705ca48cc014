package io.cachet.shared;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The node's own place and names ({@code cachet.*}).
 *
 * @param dataDir where the embedded database, the generated encryption key and the node
 * id are kept ({@code CACHET_DATA_DIR})
 * @param nodeId the name this node holds its notification claims under (blank: an id kept
 * in the data directory)
 * @param appUrl the address links in e-mails point to (blank: the {@code app_domain}
 * setting)
 */
@ConfigurationProperties("cachet")
public record CachetProperties(@DefaultValue("./data") String dataDir, @DefaultValue("") String nodeId,
		@DefaultValue("") String appUrl) {

}
