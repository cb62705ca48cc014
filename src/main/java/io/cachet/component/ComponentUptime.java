package io.cachet.component;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A component's uptime over the last days, oldest day first.
 *
 * @param uptime 0..1 over all the days with data, {@code null} when no day has data
 */
public record ComponentUptime(long componentId, List<DailyUptime> days, @Nullable Double uptime) {

}
