package nl.vangnet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(VangnetApplication.class);

    @Test
    void modulesRespectTheirDeclaredDependencies() {
        modules.verify();
    }

    @Test
    void everyModuleFromTheArchitectureThatExistsIsDetected() {
        assertThat(modules.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
                .contains("shared", "taxonomy", "identity", "audit");
    }

    @Test
    void taxonomyMayOnlyUseShared() {
        ApplicationModule taxonomy = modules.getModuleByName("taxonomy").orElseThrow();
        assertThat(taxonomy.getDirectDependencies(modules).stream()
                        .map(d -> d.getTargetModule().getIdentifier().toString()))
                .allMatch("shared"::equals);
    }

    @Test
    void writesModuleDocumentation() throws Exception {
        Path output = Path.of("target", "spring-modulith-docs");
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(output.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        assertThat(output.resolve("components.puml")).exists();
        assertThat(Files.readString(output.resolve("components.puml"))).containsIgnoringCase("taxonomy");
    }
}
