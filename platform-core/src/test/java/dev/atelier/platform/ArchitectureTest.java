package dev.atelier.platform;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The shared kernel's boundaries, checked in the build. */
@AnalyzeClasses(packages = "dev.atelier.platform", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule kernelKnowsNoApp = noClasses().that().resideInAPackage("dev.atelier.platform..")
            .should().dependOnClassesThat()
            .resideInAnyPackage("dev.atelier.portal..", "dev.atelier.storefront..", "dev.atelier.search..",
                    "dev.atelier.billing..", "dev.atelier.infra..");

    @ArchTest
    static final ArchRule tenancyModelIsFreeOfWebTypes = noClasses().that()
            .resideInAPackage("dev.atelier.platform.tenancy")
            .should().dependOnClassesThat()
            .resideInAnyPackage("org.springframework.web..", "jakarta.servlet..");

    @ArchTest
    static final ArchRule onlyTenancyReachesItsInternals = noClasses().that()
            .resideOutsideOfPackages("dev.atelier.platform.tenancy..")
            .should().dependOnClassesThat().resideInAPackage("dev.atelier.platform.tenancy.internal..");

    @ArchTest
    static final ArchRule availabilityIsAPureModel = noClasses().that()
            .resideInAPackage("dev.atelier.platform.scheduling.availability..")
            .should().dependOnClassesThat()
            .resideOutsideOfPackages("dev.atelier.platform.scheduling.availability..", "java..");

    /** Booking's statuses, policy, fees and values: plain Java, no Spring, JPA, JDBC or web types. */
    @ArchTest
    static final ArchRule bookingModelIsAPureModel = noClasses().that()
            .resideInAPackage("dev.atelier.platform.booking.model..")
            .should().dependOnClassesThat()
            .resideOutsideOfPackages("dev.atelier.platform.booking.model..", "dev.atelier.platform.money..", "java..");

    /** Money, payments' statuses and facts, and the ledger's rules: plain Java, no Spring, JPA, JDBC or web types. */
    @ArchTest
    static final ArchRule moneyAndPaymentsModelsArePure = noClasses().that()
            .resideInAnyPackage("dev.atelier.platform.money..", "dev.atelier.platform.payments.model..",
                    "dev.atelier.platform.payments.ledger..")
            .should().dependOnClassesThat()
            .resideOutsideOfPackages("dev.atelier.platform.money..", "dev.atelier.platform.payments.model..",
                    "dev.atelier.platform.payments.ledger..", "java..");
}
