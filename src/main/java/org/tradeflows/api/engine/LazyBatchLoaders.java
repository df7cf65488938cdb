package org.tradeflows.api.engine;

import graphql.ExecutionInput;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import io.smallrye.graphql.bootstrap.DataFetcherFactory;
import io.smallrye.graphql.execution.datafetcher.helper.BatchLoaderHelper;
import io.smallrye.graphql.schema.model.Argument;
import io.smallrye.graphql.schema.model.Operation;
import io.smallrye.graphql.schema.model.Schema;
import io.smallrye.graphql.schema.model.Type;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.WeakHashMap;
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

    int size() {
        return byName.size();
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

        /** A loader for one request, with the options SmallRye gives it. */
        DataLoader<Object, Object> loader() {
            BatchLoaderWithContext<Object, Object> f = function;
            if (f == null) {
                f = fetchers.getSourceBatchLoader(operation, type);
                function = f;
            }
            if (operation.getArguments().stream().allMatch(Argument::isSourceArgument)) {
                return DataLoaderFactory.newDataLoader(f);
            }
            // with arguments, SmallRye keys the loader's cache by the source object itself
            DataLoaderOptions options = DataLoaderOptions.newOptions().setCacheKeyFunction(key -> key).build();
            return DataLoaderFactory.newDataLoader(f, options);
        }
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
