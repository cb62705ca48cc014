/**
 * Demo mode ({@code CACHET_DEMO=true}): a realistic status page seeded on an empty
 * database, so a first run shows what the product does.
 * <p>
 * The demo holds one of every kind of thing the product shows, because the crawl test
 * ({@code crawl/SiteCrawlIntegrationTests}) walks every page of it: a kind missing here
 * is a page no test opens. {@link io.cachet.demo.DemoDataSeeder} seeds the page itself,
 * {@link io.cachet.demo.DemoTeam} the users, subscribers and templates,
 * {@link io.cachet.demo.DemoIntegrations} the webhooks, monitors and upstreams, which
 * reach only this app or a closed loopback port.
 */
@ApplicationModule(allowedDependencies = { "component", "incident", "metric", "monitor", "notification", "schedule",
		"settings", "subscriber", "upstream", "user" })
@NullMarked
package io.cachet.demo;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
