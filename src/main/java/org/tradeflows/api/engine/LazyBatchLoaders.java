package org.tradeflows.api.engine;

import graphql.ExecutionInput;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.schema.DataFetchingEnvironment;
import io.smallrye.graphql.bootstrap.DataFetcherFactory;
import io.smallrye.graphql.execution.datafetcher.helper.BatchLoaderHelper;
import io.smallrye.graphql.schema.model.Operation;
import io.smallrye.graphql.schema.model.Schema;
import io.smallrye.graphql.schema.model.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import org.dataloader.BatchLoaderEnvironment;
import org.dataloader.BatchLoaderWithContext;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderFactory;
import org.dataloader.DataLoaderOptions;
import org.dataloader.DataLoaderRegistry;

/**
 * The batch loaders of the {@code @Source List<…>} fields, made for a request when one of its fields first asks for
 * one. SmallRye makes a loader, and a data fetcher behind it, for every one of the schema's 80-odd batched fields on
 * every request, whatever the query selects: on a page of shipments that was about a fifth of what the service
 * allocated per request (issue 16; `bench/RESULTS.md`). So the batched fields are taken out of SmallRye's schema model
 * once, before the first request reads them, and this instrumentation gives each request a registry that makes the
 * loader a field asks for, as SmallRye would have made it. The loaders' batch functions are made once and shared:
 * they hold no state of a request (SmallRye's own field fetchers are made once too).
 */
final class LazyBatchLoaders extends SimplePerformantInstrumentation {

    private static final BatchLoaderHelper NAMES = new BatchLoaderHelper();
    private static final DataLoaderOptions UNCACHED = DataLoaderOptions.newOptions().setCachingEnabled(false).build();

    private final Map<String, Batched> byName;

    private LazyBatchLoaders(Map<String, Batched> byName) {
        this.byName = byName;
    }

    /** Each schema model's batched fields, once taken out of it. */
    private static final Map<Schema, LazyBatchLoaders> TAKEN = new WeakHashMap<>();

    /**
     * Takes the batched fields out of {@code schema}, so that SmallRye no longer makes their loaders per request.
     * SmallRye may build its engine more than once (two first requests at the same time each build one, and either
     * is kept), so each build gets the fields taken the first time.
     */
    static LazyBatchLoaders takeFrom(Schema schema) {
        synchronized (TAKEN) {
            return TAKEN.computeIfAbsent(schema, LazyBatchLoaders::take);
        }
    }

    private static LazyBatchLoaders take(Schema schema) {
        Map<String, Batched> byName = new HashMap<>();
        DataFetcherFactory fetchers = new DataFetcherFactory();
        if (schema.hasTypes()) {
            for (Type type : schema.getTypes().values()) {
                if (type.hasBatchOperations()) {
                    for (Operation operation : type.getBatchOperations().values()) {
                        // the type SmallRye hands the loader: the schema's type named like the operation, if any
                        byName.put(NAMES.getName(operation),
                                new Batched(operation, schema.getTypes().get(operation.getName()), fetchers));
                    }
                    type.setBatchOperations(new LinkedHashMap<>());
                }
            }
        }
        return new LazyBatchLoaders(byName);
    }

    @Override
    public ExecutionInput instrumentExecutionInput(ExecutionInput input, InstrumentationExecutionParameters parameters,
            InstrumentationState state) {
        if (!input.getDataLoaderRegistry().getKeys().isEmpty()) {
            return input; // a registry made elsewhere is kept as it is
        }
        return input.transform(builder -> builder.dataLoaderRegistry(new Registry(byName)));
    }

    /** One batched field: its operation, and its batch function, made the first time any request needs it. */
    private static final class Batched {
        private final Operation operation;
        private final Type type;
        private final DataFetcherFactory fetchers;
        private volatile BatchLoaderWithContext<Object, Object> function;

        Batched(Operation operation, Type type, DataFetcherFactory fetchers) {
            this.operation = operation;
            this.type = type;
            this.fetchers = fetchers;
        }

        /**
         * A loader for one request. It keeps no cache of keys: each object asks each of its fields once per request, so
         * a cache only hashed whole records (the hash of a shipment's 25 components was 5 % of the service's time on a
         * page), and, keyed by the object alone as SmallRye keys it, it would give a field asked twice under two aliases
         * with other arguments the first answer twice.
         */
        DataLoader<Object, Object> loader() {
            BatchLoaderWithContext<Object, Object> f = function;
            if (f == null) {
                f = byArguments(fetchers.getSourceBatchLoader(operation, type));
                function = f;
            }
            return DataLoaderFactory.newDataLoader(f, UNCACHED);
        }
    }

    /**
     * A batch split by the arguments its fields were asked with. SmallRye's batch function answers a whole batch with
     * the arguments of its first key, so {@code a: shipments(first: 2) b: shipments(first: 3)} on the same companies
     * answered b with a's page. Keys asked with the same arguments (the usual case: one field under a list) stay one
     * batch, one statement.
     */
    static BatchLoaderWithContext<Object, Object> byArguments(BatchLoaderWithContext<Object, Object> smallRye) {
        return (keys, env) -> {
            List<Object> contexts = env.getKeyContextsList();
            Map<Object, List<Integer>> groups = new LinkedHashMap<>();
            for (int i = 0; i < keys.size(); i++) {
                groups.computeIfAbsent(arguments(contexts.get(i)), a -> new ArrayList<>()).add(i);
            }
            if (groups.size() <= 1) {
                return smallRye.load(keys, env);
            }
            Object[] answers = new Object[keys.size()];
            List<CompletableFuture<?>> parts = new ArrayList<>();
            for (List<Integer> group : groups.values()) {
                List<Object> groupKeys = new ArrayList<>(group.size());
                List<Object> groupContexts = new ArrayList<>(group.size());
                for (int i : group) {
                    groupKeys.add(keys.get(i));
                    groupContexts.add(contexts.get(i));
                }
                BatchLoaderEnvironment part = BatchLoaderEnvironment.newBatchLoaderEnvironment().context(env.getContext())
                        .keyContexts(groupKeys, groupContexts).build();
                parts.add(smallRye.load(groupKeys, part).toCompletableFuture().thenAccept(values -> {
                    for (int j = 0; j < group.size(); j++) {
                        answers[group.get(j)] = values.get(j);
                    }
                }));
            }
            return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).thenApply(done -> Arrays.asList(answers));
        };
    }

    /** The arguments a key's field was asked with (graphql-java's values: maps, lists, strings, numbers), or none. */
    private static Object arguments(Object keyContext) {
        if (keyContext instanceof Map<?, ?> batchContext
                && batchContext.get(BatchLoaderHelper.DATA_FETCHING_ENVIRONMENT) instanceof DataFetchingEnvironment env) {
            return env.getArguments();
        }
        return Map.of();
    }

    /** A request's loaders: each made when a field first asks for it by name. */
    private static final class Registry extends DataLoaderRegistry {
        private final Map<String, Batched> byName;

        Registry(Map<String, Batched> byName) {
            super();
            this.byName = byName;
        }

        @Override
        public <K, V> DataLoader<K, V> getDataLoader(String key) {
            DataLoader<K, V> made = super.getDataLoader(key);
            if (made != null) {
                return made;
            }
            Batched batched = byName.get(key);
            return batched == null ? null : computeIfAbsent(key, k -> batched.loader());
        }
    }
}
