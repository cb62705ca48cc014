package io.cachet.cluster;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Cluster mode ({@code cachet.cluster.*}).
 *
 * @param enabled whether this node is one of several sharing Redis (set from
 * {@code SPRING_DATA_REDIS_*} when not given)
 */
@ConfigurationProperties("cachet.cluster")
public record ClusterProperties(@DefaultValue("false") boolean enabled) {

}
