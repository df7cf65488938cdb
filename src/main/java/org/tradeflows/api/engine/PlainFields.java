package org.tradeflows.api.engine;

import graphql.TrivialDataFetcher;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import io.smallrye.graphql.execution.datafetcher.FieldDataFetcher;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.Objects;
import org.eclipse.microprofile.graphql.Name;

/**
 * The fields that only read a property of the object above them (a record's component) are read straight off it.
 * SmallRye's {@link FieldDataFetcher} clones the request's context and lists the selected fields below the field for
 * every field of every object before it reads the one property, which made up most of the service's own time on a page
 * of shipments (issue 16: about ten such fields per shipment).
 *
 * <p>What SmallRye does to a value on the way out (formats, adapters, a Java type written as another GraphQL type)
 * is never guessed: the first time a field is read on objects of a class, both ways are taken, and the direct read is
 * kept only if SmallRye's answer equals it; else SmallRye keeps reading that field. A null tells nothing, so the field
 * is asked both ways until a value comes.
 */
final class PlainFields {

    private PlainFields() {
    }

    /** The schema with SmallRye's property fetchers of object types wrapped in {@link Direct}. */
    static GraphQLSchema direct(GraphQLSchema schema) {
        GraphQLCodeRegistry registry = schema.getCodeRegistry();
        GraphQLCodeRegistry direct = registry.transform(builder -> {
            for (var type : schema.getAllTypesAsList()) {
                if (type instanceof GraphQLObjectType object && !object.getName().startsWith("__")) {
                    for (GraphQLFieldDefinition field : object.getFieldDefinitions()) {
                        FieldCoordinates at = FieldCoordinates.coordinates(object, field);
                        DataFetcher<?> fetcher = registry.getDataFetcher(at, field);
                        if (fetcher instanceof FieldDataFetcher<?>) {
                            builder.dataFetcher(at, new Direct(field.getName(), fetcher));
                        }
                    }
                }
            }
        });
        return schema.transform(builder -> builder.codeRegistry(direct));
    }

    /** One field: SmallRye's fetcher until a class's direct read has been seen to give SmallRye's answer. */
    static final class Direct implements DataFetcher<Object>, TrivialDataFetcher<Object> {

        private final String name;
        private final DataFetcher<?> smallRye;
        private final ClassValue<Reader> readers = new ClassValue<>() {
            @Override
            protected Reader computeValue(Class<?> type) {
                return new Reader(accessor(type, name));
            }
        };

        Direct(String name, DataFetcher<?> smallRye) {
            this.name = name;
            this.smallRye = smallRye;
        }

        @Override
        public Object get(DataFetchingEnvironment env) throws Exception {
            Object source = env.getSource();
            if (source == null) {
                return smallRye.get(env);
            }
            Reader reader = readers.get(source.getClass());
            if (reader.state == Reader.SAME) {
                return reader.read(source);
            }
            Object answer = smallRye.get(env);
            if (reader.state == Reader.UNKNOWN && answer != null) {
                reader.state = Objects.equals(answer, reader.read(source)) ? Reader.SAME : Reader.OTHER;
            }
            return answer;
        }
    }

    /** The direct read of one field on one class, and whether it is known to give what SmallRye gives. */
    static final class Reader {
        static final int UNKNOWN = 0;
        static final int SAME = 1;
        static final int OTHER = 2;

        private final MethodHandle accessor;
        volatile int state;

        Reader(MethodHandle accessor) {
            this.accessor = accessor;
            this.state = accessor == null ? OTHER : UNKNOWN;
        }

        Object read(Object source) throws Exception {
            try {
                return accessor.invoke(source);
            } catch (Exception | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        }
    }

    /**
     * The record component that SmallRye makes the GraphQL field {@code name} of: named so by {@link Name}, else by
     * its own name when no other component takes that name with {@link Name}; null for anything but a public record.
     */
    static MethodHandle accessor(Class<?> type, String name) {
        if (!type.isRecord() || !Modifier.isPublic(type.getModifiers())) {
            return null;
        }
        RecordComponent found = null;
        for (RecordComponent c : type.getRecordComponents()) {
            Name renamed = c.getAnnotation(Name.class);
            if (renamed != null && renamed.value().equals(name)) {
                found = c;
                break;
            }
            if (renamed == null && c.getName().equals(name) && found == null) {
                found = c;
            }
        }
        if (found == null) {
            return null;
        }
        try {
            return MethodHandles.publicLookup().unreflect(found.getAccessor())
                    .asType(MethodType.methodType(Object.class, Object.class));
        } catch (IllegalAccessException e) {
            return null;
        }
    }
}
