package io.cachet;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feature packages are Spring Modulith modules: no cycles, no use of another module's
 * {@code internal} package, and no dependency a module's {@code package-info} does not
 * list in {@code @ApplicationModule(allowedDependencies = ...)}.
 */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(CachetApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		this.modules.verify();
	}

	@Test
	void everyModuleDeclaresTheModulesItMayUse() {
		this.modules.forEach((module) -> {
			ApplicationModule declared = declaration(module.getBasePackage().getName());
			assertThat(declared).as("@ApplicationModule on %s", module.getBasePackage().getName()).isNotNull();
			assertThat(declared.allowedDependencies()).as("allowedDependencies of %s", module.getIdentifier())
				.doesNotContain(ApplicationModule.OPEN_TOKEN);
		});
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(this.modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}

	private static @Nullable ApplicationModule declaration(String packageName) {
		try {
			return Class.forName(packageName + ".package-info").getAnnotation(ApplicationModule.class);
		}
		catch (ClassNotFoundException ex) {
			return null;
		}
	}

}
