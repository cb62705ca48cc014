package io.cachet.metric;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.cachet.audit.AuditAction;
import io.cachet.audit.AuditSubject;
import io.cachet.audit.RecordChanged;
import io.cachet.metric.internal.MetricPointQueries;
import io.cachet.metric.internal.MetricPointQueries.PointSlot;
import io.cachet.metric.internal.MetricRepository;
import io.cachet.shared.InvalidInputException;
import io.cachet.shared.ListQuery;
import io.cachet.shared.PageResult;

/**
 * Metrics and their points.
 */
@Service
public class MetricService {

	/** A point's value stays under this (its column is DECIMAL(15, 3)). */
	public static final BigDecimal MAX_POINT_VALUE = new BigDecimal("1000000000000");

	/** A metric's default value stays under this (its column is DECIMAL(10, 3)). */
	public static final BigDecimal MAX_DEFAULT_VALUE = new BigDecimal("10000000");

	private final MetricRepository metrics;

	private final MetricPointQueries points;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	MetricService(MetricRepository metrics, MetricPointQueries points, ApplicationEventPublisher events, Clock clock) {
		this.metrics = metrics;
		this.points = points;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * @return every metric, whatever its visibility (as Cachet's API)
	 */
	@Transactional(readOnly = true)
	public PageResult<MetricView> findMetrics(ListQuery query) {
		return this.metrics.page(query);
	}

	/**
	 * @throws MetricNotFoundException for an unknown metric
	 */
	/**
	 * For callers inside a transaction of their own that must go on without the metric: a
	 * {@link MetricNotFoundException} thrown through this service would mark their
	 * transaction rollback-only, even when they catch it.
	 */
	@Transactional(readOnly = true)
	public Optional<MetricView> findMetric(long id) {
		return this.metrics.findById(id);
	}

	@Transactional(readOnly = true)
	public MetricView getMetric(long id) {
		return this.metrics.findById(id).orElseThrow(() -> MetricNotFoundException.forId(id));
	}

	/**
	 * @param command name, suffix and default value are required; the others default as
	 * in Cachet (sum, chart shown, 2 places, last 12 hours, 5-minute threshold, order 0,
	 * public)
	 * @throws InvalidInputException when the threshold does not divide an hour
	 */
	@Transactional
	public MetricView createMetric(SaveMetric command) {
		checkBound("default value", Objects.requireNonNull(command.defaultValue()), MAX_DEFAULT_VALUE);
		Instant now = now();
		MetricView metric = new MetricView(0, Objects.requireNonNull(command.name()),
				Objects.requireNonNull(command.suffix()), command.description(),
				Objects.requireNonNull(command.defaultValue()), orDefault(command.calcType(), 0),
				(command.displayChart() != null) ? command.displayChart() : true, orDefault(command.places(), 2),
				orDefault(command.defaultView(), 1), checkThreshold(orDefault(command.threshold(), 5)),
				orDefault(command.order(), 0), orDefault(command.visible(), 1), now, now);
		long id = this.metrics.insert(metric);
		this.events.publishEvent(
				new RecordChanged(AuditSubject.METRIC, id, AuditAction.CREATED, "Created metric " + metric.name()));
		return getMetric(id);
	}

	/**
	 * @throws MetricNotFoundException for an unknown metric
	 * @throws InvalidInputException when the threshold does not divide an hour
	 */
	@Transactional
	public MetricView updateMetric(long id, SaveMetric command) {
		if (command.defaultValue() != null) {
			checkBound("default value", command.defaultValue(), MAX_DEFAULT_VALUE);
		}
		MetricView current = getMetric(id);
		MetricView changed = new MetricView(id, Objects.requireNonNullElse(command.name(), current.name()),
				Objects.requireNonNullElse(command.suffix(), current.suffix()),
				(command.description() != null) ? command.description() : current.description(),
				Objects.requireNonNullElse(command.defaultValue(), current.defaultValue()),
				orDefault(command.calcType(), current.calcType()),
				Objects.requireNonNullElse(command.displayChart(), current.displayChart()),
				orDefault(command.places(), current.places()), orDefault(command.defaultView(), current.defaultView()),
				checkThreshold(orDefault(command.threshold(), current.threshold())),
				orDefault(command.order(), current.order()), orDefault(command.visible(), current.visible()),
				current.createdAt(), now());
		this.metrics.update(changed);
		this.events.publishEvent(
				new RecordChanged(AuditSubject.METRIC, id, AuditAction.UPDATED, "Updated metric " + changed.name()));
		return getMetric(id);
	}

	/**
	 * Deletes a metric and all its points.
	 * @throws MetricNotFoundException for an unknown metric
	 */
	@Transactional
	public void deleteMetric(long id) {
		MetricView current = getMetric(id);
		this.metrics.delete(id);
		this.events.publishEvent(
				new RecordChanged(AuditSubject.METRIC, id, AuditAction.DELETED, "Deleted metric " + current.name()));
	}

	/**
	 * @return the points of a metric, newest first unless sorted otherwise
	 * @throws MetricNotFoundException for an unknown metric
	 */
	@Transactional(readOnly = true)
	public PageResult<MetricPointView> findPoints(long metricId, ListQuery query) {
		getMetric(metricId);
		return this.points.page(metricId, query, this.metrics.pointCount(metricId));
	}

	/**
	 * @throws MetricNotFoundException for an unknown metric or point
	 */
	@Transactional(readOnly = true)
	public MetricPointView getPoint(long metricId, long pointId) {
		return this.metrics.findPoint(metricId, pointId)
			.orElseThrow(() -> MetricNotFoundException.forPoint(metricId, pointId));
	}

	/**
	 * Records a value at a time (now when {@code null}) rounded to the nearest 30
	 * seconds. When the same value was recorded within the metric's threshold (from the
	 * start of the minute {@code threshold - 1} minutes earlier), that point's counter
	 * goes up instead, as in Cachet.
	 * @throws MetricNotFoundException for an unknown metric
	 */
	@Transactional
	public MetricPointView addPoint(long metricId, BigDecimal value, @Nullable Instant at) {
		checkBound("value", value, MAX_POINT_VALUE);
		MetricView metric = getMetric(metricId);
		Instant now = now();
		Instant pointTime = roundTo30Seconds((at != null) ? at : now);
		BigDecimal scaled = value.setScale(3, RoundingMode.HALF_UP);
		Instant windowStart = pointTime.minus(Duration.ofMinutes(metric.threshold() - 1L))
			.truncatedTo(ChronoUnit.MINUTES);
		Instant windowEnd = windowStart.plus(Duration.ofMinutes(metric.threshold()));
		var existing = this.metrics.findMergeable(metricId, scaled, windowStart, windowEnd);
		long pointId;
		if (existing.isPresent()) {
			pointId = existing.get().id();
			this.metrics.incrementCounter(pointId, now);
		}
		else {
			pointId = this.metrics.insertPoint(metricId, scaled, pointTime, now);
		}
		this.events.publishEvent(new RecordChanged(AuditSubject.METRIC_POINT, pointId, AuditAction.CREATED,
				"Recorded " + scaled.stripTrailingZeros().toPlainString() + " on metric " + metric.name()));
		return getPoint(metricId, pointId);
	}

	/**
	 * Changes a point's value and/or time ({@code null} leaves it).
	 * @throws MetricNotFoundException for an unknown metric or point
	 */
	@Transactional
	public MetricPointView updatePoint(long metricId, long pointId, @Nullable BigDecimal value, @Nullable Instant at) {
		if (value != null) {
			checkBound("value", value, MAX_POINT_VALUE);
		}
		MetricPointView current = getPoint(metricId, pointId);
		this.metrics.updatePoint(pointId, (value != null) ? value.setScale(3, RoundingMode.HALF_UP) : current.value(),
				(at != null) ? roundTo30Seconds(at) : current.createdAt(), now());
		this.events.publishEvent(new RecordChanged(AuditSubject.METRIC_POINT, pointId, AuditAction.UPDATED,
				"Changed a point of metric " + metricId));
		return getPoint(metricId, pointId);
	}

	/**
	 * @throws MetricNotFoundException for an unknown metric or point
	 */
	@Transactional
	public void deletePoint(long metricId, long pointId) {
		getPoint(metricId, pointId);
		this.metrics.deletePoint(metricId, pointId);
		this.events.publishEvent(new RecordChanged(AuditSubject.METRIC_POINT, pointId, AuditAction.DELETED,
				"Deleted a point of metric " + metricId));
	}

	static Instant roundTo30Seconds(Instant instant) {
		return Instant.ofEpochSecond(Math.round(instant.getEpochSecond() / 30.0) * 30);
	}

	private static int checkThreshold(int threshold) {
		if (threshold < 1 || 60 % threshold != 0) {
			throw new InvalidInputException("The threshold must divide 60.");
		}
		return threshold;
	}

	/**
	 * Refuses a value its column cannot hold, before anything scales it: rounding
	 * {@code 1E+999999999} to three places would build a billion-digit number.
	 */
	private static void checkBound(String name, BigDecimal value, BigDecimal limit) {
		if (value.abs().compareTo(limit) >= 0) {
			throw new InvalidInputException("The " + name + " must be less than " + limit.toPlainString() + ".");
		}
	}

	private static int orDefault(@Nullable Integer value, int defaultValue) {
		return (value != null) ? value : defaultValue;
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	/**
	 * A metric's chart as Cachet draws it: points summed (value times counter) or
	 * averaged per bucket, empty buckets at the default value, rounded to the metric's
	 * places.
	 * @throws MetricNotFoundException for an unknown metric
	 */
	@Transactional(readOnly = true)
	public MetricChart chart(long metricId, MetricPeriod period, ZoneId zone) {
		MetricView metric = getMetric(metricId);
		Instant now = this.clock.instant();
		ZonedDateTime first = period.firstBucket(now, zone);
		int count = period.buckets(now.atZone(zone));
		BigDecimal[] sums = new BigDecimal[count];
		long[] weights = new long[count];
		// Points are rounded to the nearest 30 s, so the latest can lie up to 30 s past
		// the current bucket: it belongs to the current one.
		Instant end = first.plus(count, period.unit()).toInstant().plusSeconds(30);
		boolean sum = metric.calcType() == 0;
		// The database sums the points per UTC slot that lies wholly in one bucket of the
		// page's zone; the slots are then added up here into the buckets, exactly (the
		// sums
		// are decimals), so the chart is what summing every point would give.
		for (PointSlot slot : this.points.slots(metricId, first.toInstant(), end,
				slotSeconds(period, zone, first, end))) {
			Instant at = slot.start().isBefore(first.toInstant()) ? first.toInstant() : slot.start();
			int index = Math.min(count - 1, (int) period.unit().between(first, period.bucketOf(at, zone)));
			BigDecimal contribution = sum ? slot.weightedSum() : slot.valueSum();
			sums[index] = (sums[index] != null) ? sums[index].add(contribution) : contribution;
			weights[index] += slot.points();
		}
		List<MetricChart.Bucket> buckets = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			LocalDateTime start = first.plus(i, period.unit()).toLocalDateTime();
			BigDecimal value;
			if (sums[i] == null) {
				value = metric.defaultValue();
			}
			else {
				value = sum ? sums[i] : sums[i].divide(BigDecimal.valueOf(weights[i]), 8, RoundingMode.HALF_UP);
			}
			buckets.add(new MetricChart.Bucket(start, MetricPeriod.key(start),
					value.setScale(metric.places(), RoundingMode.HALF_UP), sums[i] != null));
		}
		return new MetricChart(metric, period, List.copyOf(buckets));
	}

	/**
	 * The longest UTC slot that never straddles two buckets of the zone: 15 minutes
	 * (every offset and transition of today's time zones falls on a quarter hour), a
	 * minute for the minute buckets, shorter only for a zone whose offsets or transitions
	 * between {@code from} and {@code to} are not whole quarters (old local mean times, a
	 * custom offset such as +00:07), down to a second.
	 */
	static int slotSeconds(MetricPeriod period, ZoneId zone, ZonedDateTime from, Instant to) {
		int slot = (period.unit() == ChronoUnit.MINUTES) ? 60 : 900;
		ZoneRules rules = zone.getRules();
		slot = gcd(slot, rules.getOffset(from.toInstant()).getTotalSeconds());
		ZoneOffsetTransition transition = rules.nextTransition(from.toInstant());
		while (transition != null && transition.getInstant().isBefore(to)) {
			slot = gcd(slot, transition.getOffsetAfter().getTotalSeconds());
			slot = gcd(slot, transition.toEpochSecond());
			transition = rules.nextTransition(transition.getInstant());
		}
		return slot;
	}

	private static int gcd(int a, long b) {
		long x = Math.abs((long) a);
		long y = Math.abs(b);
		while (y != 0) {
			long r = x % y;
			x = y;
			y = r;
		}
		return (int) x;
	}

}
