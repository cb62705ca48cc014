package io.cachet.user;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Invitations to join the team ({@code cachet.invites.*}).
 *
 * @param expiry how long an invitation can be used
 */
@ConfigurationProperties("cachet.invites")
public record InviteProperties(@DefaultValue("7d") Duration expiry) {

}
