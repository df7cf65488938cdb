package org.tradeflows.api;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.language.Description;
import graphql.language.EnumTypeDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.InterfaceTypeDefinition;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.ObjectTypeDefinition;
import graphql.language.Type;
import graphql.language.TypeDefinition;
import graphql.language.TypeName;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 21, item 1: the committed SDL keeps its own rules. It walks graphql/schema.graphql (SchemaDriftTest keeps that
 * file equal to the served schema) and fails on
 * <ul>
 * <li>a growable list that is not a connection. "Growable" is decided so: every field of an object type whose type is
 * a list of object types, except the edges of a connection and the bounded lists named in {@link #BOUNDED}, each with
 * why it cannot grow with the data. Every connection field takes the same paging arguments, first and after;</li>
 * <li>one concept under two names: a field or argument named with a synonym from {@link #SYNONYMS};</li>
 * <li>a type, field, argument, input field or enum value without a description.</li>
 * </ul>
 */
class SchemaLintTest {

    private static final Path SDL = Path.of("graphql", "schema.graphql");

    /** Lists of objects that do not grow with the data, and why. Anything else must be a connection. */
    private static final Map<String, String> BOUNDED = Map.ofEntries(
            Map.entry("Company.aliases", "one company's other names: a handful"),
            Map.entry("Company.identifiers", "one company's registry numbers: one per scheme"),
            Map.entry("Company.sanctions", "one company's listings: a few per authority"),
            Map.entry("Company.findings", "curated findings naming one company: written by hand"),
            Map.entry("Coverage.official", "one figure per year and source for one country pair and product"),
            Map.entry("Finding.companies", "the parts of one curated finding"),
            Map.entry("Finding.countries", "the parts of one curated finding"),
            Map.entry("Finding.otherAmounts", "the parts of one curated finding"),
            Map.entry("Finding.parts", "the parts of one curated finding"),
            Map.entry("Finding.products", "the parts of one curated finding"),
            Map.entry("Finding.sameClaimAs", "the parts of one curated finding"),
            Map.entry("ProductCategory.ancestors", "at most three levels up the HS tree"),
            Map.entry("ProductCategory.children", "one level down the fixed HS 2022 tree"),
            Map.entry("ProductCategory.childTotals", "one level down the fixed HS 2022 tree"),
            Map.entry("ProductCategory.chplListed", "the CHPL has 50 codes"),
            Map.entry("ProductCategory.topics", "curated topics, written by hand"),
            Map.entry("Query.topics", "curated topics, written by hand"),
            Map.entry("Topic.products", "one curated topic's categories, written by hand"),
            Map.entry("Shipment.intermediaries", "one shipment's transit chain"),
            Map.entry("SupplyPath.hops", "at most maxHops (4) hops"),
            Map.entry("SupplyHop.supplierSanctions", "one company's listings in force on one day: a few per authority"),
            Map.entry("SupplyHop.recipientSanctions", "one company's listings in force on one day: a few per authority"),
            Map.entry("SupplyHop.shipments", "one supplier's shipments to one recipient on one day in one HS heading"),
            Map.entry("AnswerChanged.changes", "the differences between two answers of one query, each within the cost limit"),
            Map.entry("WebhookDelivery.attempts", "at most tradeflows.webhooks.max-attempts (8) attempts of one delivery"),
            // not bounded: it grows by one with every load. Left as a list for now (issue 21, item 1, what is left).
            Map.entry("Money.conversions", "the ECB rates behind one amount: one per currency and period it sums"),
            Map.entry("Query.dataReleases", "KNOWN DEBT: grows with every load; to become a connection"),
            Map.entry("Query.fetchRuns", "KNOWN DEBT: newest first, at most 100 (first), no cursor; to become a connection"));

    /** Words that name a concept the schema already names otherwise: synonym -> the schema's word. */
    private static final Map<String, String> SYNONYMS = Map.ofEntries(
            Map.entry("category", "product"),
            Map.entry("categories", "products"),
            Map.entry("firm", "company"),
            Map.entry("firms", "companies"),
            Map.entry("nation", "country"),
            Map.entry("transactions", "shipments"),
            Map.entry("transaction", "shipment"),
            Map.entry("sanctionedOnly", "sanctioned"));

    private static TypeDefinitionRegistry registry() throws IOException {
        return new SchemaParser().parse(Files.readString(SDL));
    }

    private static Type<?> unwrapNonNull(Type<?> t) {
        return t instanceof NonNullType n ? n.getType() : t;
    }

    private static String named(Type<?> t) {
        Type<?> u = t;
        while (!(u instanceof TypeName)) {
            u = u instanceof NonNullType n ? n.getType() : ((ListType) u).getType();
        }
        return ((TypeName) u).getName();
    }

    @Test
    void everyGrowableListIsAConnectionWithTheSamePagingArguments() throws IOException {
        TypeDefinitionRegistry r = registry();
        Set<String> objects = new java.util.HashSet<>();
        r.getTypes(ObjectTypeDefinition.class).forEach(o -> objects.add(o.getName()));
        r.getTypes(InterfaceTypeDefinition.class).forEach(o -> objects.add(o.getName()));
        List<String> plainLists = new ArrayList<>();
        List<String> badPaging = new ArrayList<>();
        for (ObjectTypeDefinition type : r.getTypes(ObjectTypeDefinition.class)) {
            if (type.getName().endsWith("Connection")) {
                continue; // its edges are the page
            }
            for (FieldDefinition f : type.getFieldDefinitions()) {
                String name = type.getName() + "." + f.getName();
                if (unwrapNonNull(f.getType()) instanceof ListType && objects.contains(named(f.getType()))
                        && !BOUNDED.containsKey(name)) {
                    plainLists.add(name + ": [" + named(f.getType()) + "]");
                }
                if (named(f.getType()).endsWith("Connection") && !(unwrapNonNull(f.getType()) instanceof ListType)) {
                    Set<String> args = new java.util.HashSet<>();
                    f.getInputValueDefinitions().forEach(a -> args.add(a.getName()));
                    if (!args.containsAll(Set.of("first", "after"))) {
                        badPaging.add(name + " takes " + args);
                    }
                }
            }
        }
        assertThat(plainLists).as("lists of objects that can grow but are not connections").isEmpty();
        assertThat(badPaging).as("connections without first/after").isEmpty();
        assertThat(BOUNDED.keySet()).as("every bounded list named here exists in the schema").allSatisfy(k -> {
            String[] p = k.split("\\.");
            assertThat(r.getType(p[0], ObjectTypeDefinition.class).orElseThrow().getFieldDefinitions())
                    .extracting(FieldDefinition::getName).contains(p[1]);
        });
    }

    @Test
    void oneConceptHasOneName() throws IOException {
        List<String> synonyms = new ArrayList<>();
        TypeDefinitionRegistry r = registry();
        for (ObjectTypeDefinition type : r.getTypes(ObjectTypeDefinition.class)) {
            for (FieldDefinition f : type.getFieldDefinitions()) {
                check(type.getName() + "." + f.getName(), f.getName(), synonyms);
                for (InputValueDefinition a : f.getInputValueDefinitions()) {
                    check(type.getName() + "." + f.getName() + "(" + a.getName() + ")", a.getName(), synonyms);
                }
            }
        }
        for (InputObjectTypeDefinition type : r.getTypes(InputObjectTypeDefinition.class)) {
            for (InputValueDefinition f : type.getInputValueDefinitions()) {
                check(type.getName() + "." + f.getName(), f.getName(), synonyms);
            }
        }
        assertThat(synonyms).as("names that are synonyms of a word the schema uses").isEmpty();
    }

    private static void check(String where, String name, List<String> out) {
        String preferred = SYNONYMS.get(name);
        if (preferred != null) {
            out.add(where + ": say '" + preferred + "'");
        }
    }

    @Test
    void everyTypeFieldArgumentAndEnumValueHasADescription() throws IOException {
        List<String> missing = new ArrayList<>();
        for (TypeDefinition<?> type : registry().types().values()) {
            if (type.getName().startsWith("__")) {
                continue;
            }
            Description d = description(type);
            if (d == null || d.getContent().isBlank()) {
                missing.add(type.getName());
            }
            if (type instanceof ObjectTypeDefinition o) {
                for (FieldDefinition f : o.getFieldDefinitions()) {
                    field(o.getName(), f, missing);
                }
            } else if (type instanceof InterfaceTypeDefinition o) {
                for (FieldDefinition f : o.getFieldDefinitions()) {
                    field(o.getName(), f, missing);
                }
            } else if (type instanceof InputObjectTypeDefinition o) {
                for (InputValueDefinition f : o.getInputValueDefinitions()) {
                    if (f.getDescription() == null || f.getDescription().getContent().isBlank()) {
                        missing.add(o.getName() + "." + f.getName());
                    }
                }
            } else if (type instanceof EnumTypeDefinition e) {
                e.getEnumValueDefinitions().stream()
                        .filter(v -> v.getDescription() == null || v.getDescription().getContent().isBlank())
                        .forEach(v -> missing.add(e.getName() + "." + v.getName()));
            }
        }
        assertThat(missing).as("types, fields, arguments and enum values without a description").isEmpty();
    }

    private static Description description(TypeDefinition<?> t) {
        if (t instanceof ObjectTypeDefinition o) {
            return o.getDescription();
        } else if (t instanceof InterfaceTypeDefinition o) {
            return o.getDescription();
        } else if (t instanceof InputObjectTypeDefinition o) {
            return o.getDescription();
        } else if (t instanceof EnumTypeDefinition o) {
            return o.getDescription();
        } else if (t instanceof graphql.language.ScalarTypeDefinition o) {
            return o.getDescription();
        } else if (t instanceof graphql.language.UnionTypeDefinition o) {
            return o.getDescription();
        }
        return null;
    }

    private static void field(String type, FieldDefinition f, List<String> missing) {
        if (f.getDescription() == null || f.getDescription().getContent().isBlank()) {
            missing.add(type + "." + f.getName());
        }
        for (InputValueDefinition a : f.getInputValueDefinitions()) {
            if (a.getDescription() == null || a.getDescription().getContent().isBlank()) {
                missing.add(type + "." + f.getName() + "(" + a.getName() + ")");
            }
        }
    }
}
