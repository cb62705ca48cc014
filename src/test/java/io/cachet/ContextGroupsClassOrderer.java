package io.cachet;

import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.test.context.BootstrapUtils;
import org.springframework.test.context.BootstrapWith;

/**
 * Runs the test classes that share an application context one after the other: first the
 * classes without Spring, then the classes of each context together, the contexts in the
 * order their first class was found. Two classes share a context when their
 * {@code MergedContextConfiguration}s, the context cache's keys, are equal.
 * <p>
 * Grouped, each context is needed during one stretch of the run only, so the context
 * cache can be small ({@code spring.test.context.cache.maxSize} in
 * {@code spring.properties}): a context is closed soon after its last class instead of
 * keeping its memory, database and threads to the end. Registered in
 * {@code junit-platform.properties}; it orders the classes of one JUnit run, which is all
 * of them with surefire's single fork.
 */
public class ContextGroupsClassOrderer implements ClassOrderer {

	@Override
	public void orderClasses(ClassOrdererContext context) {
		List<? extends ClassDescriptor> classes = context.getClassDescriptors();
		Map<Object, Integer> groups = new HashMap<>();
		Map<ClassDescriptor, Integer> groupOf = new IdentityHashMap<>();
		Map<ClassDescriptor, Integer> found = new IdentityHashMap<>();
		for (int i = 0; i < classes.size(); i++) {
			ClassDescriptor descriptor = classes.get(i);
			Object key = contextKey(descriptor.getTestClass());
			groupOf.put(descriptor, (key != null) ? groups.computeIfAbsent(key, (k) -> groups.size()) : -1);
			found.put(descriptor, i);
		}
		classes.sort(Comparator.<ClassDescriptor>comparingInt(groupOf::get).thenComparingInt(found::get));
	}

	/**
	 * @return what the context cache would key the class's context by, {@code null} for a
	 * class that needs no Spring context
	 */
	static @Nullable Object contextKey(Class<?> testClass) {
		if (!MergedAnnotations.from(testClass, SearchStrategy.TYPE_HIERARCHY).isPresent(BootstrapWith.class)) {
			return null;
		}
		try {
			return BootstrapUtils.resolveTestContextBootstrapper(testClass).buildMergedContextConfiguration();
		}
		catch (RuntimeException ex) {
			// the class will report its own configuration error when it runs
			return testClass;
		}
	}

}
