package io.cachet.api;

import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

import io.cachet.api.LenientInput.Rejections;

/**
 * Binds the fields of a request (a tree of maps, lists and scalars, from JSON or from
 * form data with PHP-style keys) into an {@link ApiRequest} record with Jackson and the
 * {@link LenientInput} coercions, then checks it with Bean Validation. What is wrong is
 * reported at once, as Cachet's 400 with Laravel-style messages, in the order of the
 * record's components:
 * <ul>
 * <li>a value of the wrong type: "The order must be an integer." (and nothing else for
 * that field);</li>
 * <li>{@code @NotNull}, {@code @NotBlank} and {@link Filled}: "The name field is
 * required."; {@code @Size(max)}: "The name may not be greater than 255 characters.";
 * {@code @Min} with {@code @Max}: "The status must be between 0 and 4.";</li>
 * <li>any other constraint: its message, with {@code :attribute} replaced by the field's
 * name ("group id" for {@code group_id}).</li>
 * </ul>
 * A rule over several fields is an {@code @AssertTrue} method; it is reported after the
 * fields of the component its name starts with ({@code isComponentStatusGivenWithId}
 * after {@code componentStatus}).
 */
@Component
class ApiRequestBinder {

	private final JsonMapper jsonMapper;

	private final Validator validator;

	private final Map<Class<?>, Components> components = new ConcurrentHashMap<>();

	ApiRequestBinder(JsonMapper jsonMapper, ApiTimes times, Validator validator) {
		this.jsonMapper = jsonMapper.rebuild()
			.addModule(LenientInput.module(times))
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
			.build();
		this.validator = validator;
	}

	/**
	 * @param fields the request's fields; an absent or {@code null} field is bound as
	 * {@code null}
	 * @throws ApiValidationException with every problem found
	 */
	<T extends Record> T bind(Map<String, Object> fields, Class<T> type) {
		Rejections rejections = new Rejections();
		T request;
		try {
			JsonNode tree = this.jsonMapper.valueToTree(fields);
			request = this.jsonMapper.readerFor(type).withAttribute(Rejections.class, rejections).readValue(tree);
		}
		catch (JacksonException ex) {
			throw new ApiValidationException(List.of("The request body could not be read."));
		}
		Components components = this.components.computeIfAbsent(type, Components::new);
		List<Problem> problems = new ArrayList<>();
		rejections.all()
			.forEach((rejection) -> problems
				.add(new Problem(components.position(rejection.property()), 0, rejection.message())));
		for (ConstraintViolation<T> violation : this.validator.validate(request)) {
			Problem problem = components.problem(violation, rejections);
			if (problem != null) {
				problems.add(problem);
			}
		}
		if (!problems.isEmpty()) {
			problems.sort(Comparator.comparingInt(Problem::position).thenComparingInt(Problem::rank));
			throw new ApiValidationException(problems.stream().map(Problem::message).toList());
		}
		return request;
	}

	private record Problem(int position, int rank, String message) {

	}

	/**
	 * The components of a request record: their order, and their names on the wire.
	 */
	private static final class Components {

		private final List<String> javaNames = new ArrayList<>();

		private final List<String> wireNames = new ArrayList<>();

		private final Class<?> type;

		Components(Class<?> type) {
			this.type = type;
			for (RecordComponent component : type.getRecordComponents()) {
				JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
				this.javaNames.add(component.getName());
				this.wireNames
					.add((property != null && !property.value().isEmpty()) ? property.value() : component.getName());
			}
		}

		int position(String wireName) {
			int position = this.wireNames.indexOf(wireName);
			return (position >= 0) ? position : Integer.MAX_VALUE;
		}

		@Nullable Problem problem(ConstraintViolation<?> violation, Rejections rejections) {
			String name = "";
			for (Path.Node node : violation.getPropertyPath()) {
				name = (node.getName() != null) ? node.getName() : "";
				break;
			}
			int position = this.javaNames.indexOf(name);
			if (position < 0) {
				return new Problem(ruleAfter(name), 2, violation.getMessage().replace(":attribute", name));
			}
			String wireName = this.wireNames.get(position);
			if (rejections.rejected(wireName)) {
				return null;
			}
			return new Problem(position, 1, message(violation, name, LenientInput.attribute(wireName)));
		}

		private int ruleAfter(String rule) {
			int position = Integer.MAX_VALUE;
			int length = 0;
			for (int i = 0; i < this.javaNames.size(); i++) {
				String name = this.javaNames.get(i);
				if (name.length() > length && rule.toLowerCase().startsWith(name.toLowerCase())) {
					position = i;
					length = name.length();
				}
			}
			return position;
		}

		private String message(ConstraintViolation<?> violation, String javaName, String attribute) {
			Object constraint = violation.getConstraintDescriptor().getAnnotation();
			if (constraint instanceof NotNull || constraint instanceof NotBlank || constraint instanceof NotEmpty) {
				return "The " + attribute + " field is required.";
			}
			if (constraint instanceof Size size) {
				return "The " + attribute + " may not be greater than " + size.max() + " characters.";
			}
			if (constraint instanceof Min || constraint instanceof Max) {
				Field field = field(javaName);
				Min min = field.getAnnotation(Min.class);
				Max max = field.getAnnotation(Max.class);
				if (min != null && max != null) {
					return "The " + attribute + " must be between " + min.value() + " and " + max.value() + ".";
				}
				return (min != null) ? "The " + attribute + " must be at least " + min.value() + "."
						: "The " + attribute + " may not be greater than " + max.value() + ".";
			}
			return violation.getMessage().replace(":attribute", attribute);
		}

		private Field field(String javaName) {
			try {
				return this.type.getDeclaredField(javaName);
			}
			catch (NoSuchFieldException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
