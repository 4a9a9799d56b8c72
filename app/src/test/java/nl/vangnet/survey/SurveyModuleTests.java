package nl.vangnet.survey;

import static org.assertj.core.api.Assertions.assertThat;

import nl.vangnet.VangnetApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Unlinkability starts with dependencies: the survey module may use shared, taxonomy and the audit
 * trail only (the audit module depends on nothing but shared), never cases or intake, so no code
 * path can join answers to help requests or registrations.
 */
class SurveyModuleTests {

    private final ApplicationModules modules = ApplicationModules.of(VangnetApplication.class);

    @Test
    void surveyMayOnlyUseSharedTaxonomyAndAudit() {
        ApplicationModule survey = modules.getModuleByName("survey").orElseThrow();
        assertThat(survey.getDirectDependencies(modules).stream()
                        .map(d -> d.getTargetModule().getIdentifier().toString()))
                .isNotEmpty()
                .allMatch(name -> name.equals("shared") || name.equals("taxonomy") || name.equals("audit"));
    }

    @Test
    void surveyDeclaresOnlySharedTaxonomyAndAuditAsAllowed() {
        org.springframework.modulith.ApplicationModule declared = SurveyModuleTests.class
                .getClassLoader()
                .getDefinedPackage("nl.vangnet.survey")
                .getAnnotation(org.springframework.modulith.ApplicationModule.class);
        assertThat(declared).isNotNull();
        assertThat(declared.allowedDependencies()).containsExactlyInAnyOrder("shared", "taxonomy", "audit");
    }
}
