package org.tradeflows;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The floors of the code (README, "Layout"): doors on top, then the shared input and HTTP pieces, services, stores,
 * query descriptions, and the ground (sql, config, model). Arrows point down only, doors stay apart, the ground knows
 * nothing of GraphQL or HTTP, no package has a cycle, JDBC is used only by the stores and the loading doors, and no
 * Hibernate: the Jdbc helper is the one way to the database. Every rule holds outright, with no stored list of known
 * violations, so a new cycle or an arrow pointing up fails the build. (TableOwnershipTest checks, in the text, which
 * file writes which table.)
 */
@AnalyzeClasses(packages = "org.tradeflows", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule nothing_below_api_uses_api = noClasses()
            .that().resideOutsideOfPackage("org.tradeflows.api..")
            .should().dependOnClassesThat().resideInAPackage("org.tradeflows.api..");

    @ArchTest
    static final ArchRule no_package_cycles = slices().matching("org.tradeflows.(*)..").should().beFreeOfCycles();

    /** api.types ↔ api.engine; the resolvers in api itself are in no slice here. */
    @ArchTest
    static final ArchRule no_cycles_inside_api = slices().matching("org.tradeflows.api.(*)..").should().beFreeOfCycles();

    /** Full package prefixes: "..web.." would also match org.tradeflows.ingest.web. */
    @ArchTest
    static final ArchRule floors = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Doors").definedBy("org.tradeflows.api..", "org.tradeflows.export..", "org.tradeflows.ingest..",
                    "org.tradeflows.web..", "org.tradeflows.dataset..", "org.tradeflows.synthetic..")
            .layer("Input").definedBy("org.tradeflows.input..")
            .layer("Http").definedBy("org.tradeflows.http..")
            .layer("Services").definedBy("org.tradeflows.curation..", "org.tradeflows.security..")
            .layer("Store").definedBy("org.tradeflows.store..")
            .layer("Query").definedBy("org.tradeflows.query..")
            .layer("Ground").definedBy("org.tradeflows.sql..", "org.tradeflows.config..", "org.tradeflows.model..")
            .whereLayer("Input").mayOnlyBeAccessedByLayers("Doors")
            .whereLayer("Http").mayOnlyBeAccessedByLayers("Doors")
            .whereLayer("Services").mayOnlyBeAccessedByLayers("Doors", "Http")
            .whereLayer("Store").mayOnlyBeAccessedByLayers("Doors", "Input", "Services")
            .whereLayer("Query").mayOnlyBeAccessedByLayers("Doors", "Input", "Services", "Store");

    static final List<String> DOORS = List.of("api", "export", "ingest", "web", "dataset", "synthetic");

    /** A door uses no other door (TradeflowsMain, in the root package, is outside every door). */
    static ArchRule doorApart(String door) {
        return noClasses().that().resideInAPackage("org.tradeflows." + door + "..")
                .should().dependOnClassesThat().resideInAnyPackage(DOORS.stream().filter(d -> !d.equals(door))
                        .map(d -> "org.tradeflows." + d + "..").toArray(String[]::new))
                .as("the " + door + " door uses no other door");
    }

    @ArchTest
    static final ArchRule api_apart = doorApart("api");
    @ArchTest
    static final ArchRule export_apart = doorApart("export");
    @ArchTest
    static final ArchRule ingest_apart = doorApart("ingest");
    @ArchTest
    static final ArchRule web_apart = doorApart("web");
    @ArchTest
    static final ArchRule dataset_apart = doorApart("dataset");
    @ArchTest
    static final ArchRule synthetic_apart = doorApart("synthetic");

    /** The code enums keep their GraphQL @Description (the domain's own words, §1.2); nothing else of GraphQL. */
    @ArchTest
    static final ArchRule ground_knows_no_graphql_or_http = noClasses()
            .that().resideInAnyPackage("org.tradeflows.model..", "org.tradeflows.sql..", "org.tradeflows.config..",
                    "org.tradeflows.query..", "org.tradeflows.store..")
            .should().dependOnClassesThat(resideInAnyPackage("graphql..", "io.smallrye.graphql..", "io.vertx..",
                    "jakarta.ws.rs..", "io.quarkus.vertx..", "org.eclipse.microprofile.graphql..")
                    .and(not(type(org.eclipse.microprofile.graphql.Description.class))));

    @ArchTest
    static final ArchRule query_is_pure = noClasses().that().resideInAPackage("org.tradeflows.query..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "io.agroal..",
                    "jakarta.enterprise..");

    @ArchTest
    static final ArchRule one_way_to_the_database = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "io.quarkus.hibernate..",
                    "org.hibernate..");

    /**
     * Loaders (ingest, dataset, synthetic) hold the Connection of their one transaction; export streams on its own.
     * An SQLState is read where errors are coded for every door (http/ErrorClassifier). fetch/ is a loader's door as
     * ingest/ is: it hands the load's connection to the loaders of ingest/ and keeps its runs on another.
     */
    @ArchTest
    static final ArchRule jdbc_only_in_store = noClasses()
            .that().resideOutsideOfPackages("org.tradeflows.store..", "org.tradeflows.ingest..", "org.tradeflows.export..",
                    "org.tradeflows.dataset..", "org.tradeflows.synthetic..", "org.tradeflows.fetch..")
            .should().dependOnClassesThat(resideInAnyPackage("java.sql..", "org.postgresql..")
                    .and(not(type(SQLException.class))));

    /**
     * dataset/ and fetch/ hold their load's Connection (its transaction, its advisory locks) and hand it to the stores
     * and the loaders of ingest/; they run no statement of their own.
     */
    @ArchTest
    static final ArchRule loading_doors_run_no_statements = noClasses()
            .that().resideInAnyPackage("org.tradeflows.dataset..", "org.tradeflows.fetch..")
            .should().dependOnClassesThat(resideInAnyPackage("java.sql..", "org.postgresql..")
                    .and(not(type(Connection.class))).and(not(type(SQLException.class))));

    /** The driver's own API (COPY, result-set metadata): the stores and export only; the loaders stage through the stores. */
    @ArchTest
    static final ArchRule driver_api_only_in_store_and_export = noClasses()
            .that().resideOutsideOfPackages("org.tradeflows.store..", "org.tradeflows.export..")
            .should().dependOnClassesThat().resideInAPackage("org.postgresql..");

    @ArchTest
    static final ArchRule no_reflection_into_libraries = noClasses()
            .should().callMethod(java.lang.reflect.Field.class, "setAccessible", boolean.class)
            .orShould().callMethod(java.lang.reflect.AccessibleObject.class, "setAccessible", boolean.class);
}
