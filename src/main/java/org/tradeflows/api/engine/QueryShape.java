package org.tradeflows.api.engine;

import graphql.introspection.Introspection;
import graphql.language.Argument;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.NullValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.GraphQLCompositeType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.tradeflows.api.Page;

/**
 * The size of an operation before it runs, in the manner of GitHub's node limit, so that an operation can be refused
 * before anything expands it. Three numbers:
 * <ul>
 * <li>cost, the values the execution will resolve: every field costs 1 (scalars too) plus the cost inside it, a
 * connection asked for with {@code first: n} costs n times that, and sibling fields (aliases included) add up. So
 * {@code companies(first: 50) { edges { node { name } } }} costs 50 × (1 + 1 + 1 + 1) = 200;</li>
 * <li>fields, the fields of the operation once its fragments are expanded (each alias and each spread counts, page
 * sizes do not): what graphql-java's normalized operation, behind SmallRye's selected fields, would build;</li>
 * <li>depth.</li>
 * </ul>
 * Fragments are counted where they are spread but measured once each (memoised; a fragment's measure depends only on
 * its type condition), with saturating arithmetic, so a fragment that spreads another twice, 30 times over, costs the
 * analysis 30 steps and measures 2^30. Introspection ({@code __schema}, {@code __type}) costs nothing (graphql-java's
 * good-faith introspection check and the depth limit bound it) but its fields count.
 */
public final class QueryShape {

    /** Page size assumed when {@code first} is not given: the API's own default (one home, {@link Page}). */
    public static final int DEFAULT_PAGE = Page.DEFAULT_SIZE;
    /** A {@code first} larger than the page maximum is refused by the field itself, so it counts as the maximum. */
    public static final int MAX_PAGE = Page.MAX_SIZE;
    /** Costs saturate here instead of overflowing. */
    static final long CEILING = Long.MAX_VALUE / 4;

    private final GraphQLSchema schema;
    private final Map<String, FragmentDefinition> fragments;
    private final Map<String, Object> variables;
    private final Map<String, Measure> fragmentMeasures = new HashMap<>();
    private final Set<String> visiting = new HashSet<>();

    private QueryShape(GraphQLSchema schema, Map<String, FragmentDefinition> fragments, Map<String, Object> variables) {
        this.schema = schema;
        this.fragments = fragments;
        this.variables = variables == null ? Map.of() : variables;
    }

    /** Depth (root fields are level 1), cost and expanded field count of one operation. */
    public static Measure measure(GraphQLSchema schema, OperationDefinition operation,
            Map<String, FragmentDefinition> fragments, Map<String, Object> variables) {
        QueryShape shape = new QueryShape(schema, fragments, variables);
        GraphQLCompositeType root = switch (operation.getOperation()) {
            case MUTATION -> schema.getMutationType();
            case SUBSCRIPTION -> schema.getSubscriptionType();
            default -> schema.getQueryType();
        };
        return shape.selections(operation.getSelectionSet(), root);
    }

    /** How deep an operation nests, what it costs and how many fields it has once its fragments are expanded. */
    public record Measure(int depth, long cost, long fields) {
        static final Measure NONE = new Measure(0, 0, 0);

        Measure plus(Measure other) {
            return new Measure(Math.max(depth, other.depth), add(cost, other.cost), add(fields, other.fields));
        }
    }

    private Measure selections(SelectionSet set, GraphQLCompositeType parent) {
        Measure total = Measure.NONE;
        if (set == null) {
            return total;
        }
        for (Selection<?> s : set.getSelections()) {
            if (s instanceof Field f) {
                total = total.plus(field(f, parent));
            } else if (s instanceof InlineFragment inline) {
                GraphQLCompositeType type = inline.getTypeCondition() == null ? parent
                        : composite(schema.getType(inline.getTypeCondition().getName()), parent);
                total = total.plus(selections(inline.getSelectionSet(), type));
            } else if (s instanceof FragmentSpread spread) {
                total = total.plus(fragment(spread.getName(), parent));
            }
        }
        return total;
    }

    private Measure fragment(String name, GraphQLCompositeType parent) {
        Measure known = fragmentMeasures.get(name);
        if (known != null) {
            return known;
        }
        FragmentDefinition definition = fragments.get(name);
        if (definition == null || !visiting.add(name)) {
            return Measure.NONE; // unknown or cyclic fragments never pass validation; nothing to count
        }
        GraphQLCompositeType type = composite(schema.getType(definition.getTypeCondition().getName()), parent);
        Measure m = selections(definition.getSelectionSet(), type);
        visiting.remove(name);
        fragmentMeasures.put(name, m);
        return m;
    }

    private Measure field(Field f, GraphQLCompositeType parent) {
        boolean introspection = f.getName().startsWith("__");
        GraphQLFieldDefinition definition = introspection ? introspectionField(f.getName())
                : parent instanceof GraphQLFieldsContainer c ? c.getFieldDefinition(f.getName()) : null;
        boolean free = introspection || (parent != null && parent.getName().startsWith("__"));
        GraphQLType type = definition == null ? null : GraphQLTypeUtil.unwrapAll(definition.getType());
        if (!(type instanceof GraphQLCompositeType composite) || f.getSelectionSet() == null) {
            return new Measure(1, free ? 0 : 1, 1);
        }
        Measure inside = selections(f.getSelectionSet(), composite);
        if (free) {
            return new Measure(1 + inside.depth(), 0, add(1, inside.fields()));
        }
        long own = add(1, inside.cost());
        if (definition.getArgument("first") != null) {
            own = multiply(pageSize(f), own);
        }
        return new Measure(1 + inside.depth(), own, add(1, inside.fields()));
    }

    private static GraphQLFieldDefinition introspectionField(String name) {
        return switch (name) {
            case "__schema" -> Introspection.SchemaMetaFieldDef;
            case "__type" -> Introspection.TypeMetaFieldDef;
            default -> null; // __typename, a scalar
        };
    }

    private long pageSize(Field f) {
        for (Argument a : f.getArguments()) {
            if (a.getName().equals("first")) {
                return clamp(value(a.getValue()));
            }
        }
        return DEFAULT_PAGE;
    }

    private Object value(Value<?> v) {
        if (v instanceof IntValue i) {
            return i.getValue();
        }
        if (v instanceof VariableReference ref) {
            return variables.get(ref.getName());
        }
        if (v instanceof NullValue) {
            return null;
        }
        return null;
    }

    private static long clamp(Object given) {
        if (given == null) {
            return DEFAULT_PAGE;
        }
        BigInteger n = given instanceof BigInteger b ? b : given instanceof Number num ? BigInteger.valueOf(num.longValue()) : null;
        if (n == null) {
            return DEFAULT_PAGE;
        }
        if (n.signum() < 0) {
            return 0;
        }
        return n.min(BigInteger.valueOf(MAX_PAGE)).longValue();
    }

    private static GraphQLCompositeType composite(GraphQLType type, GraphQLCompositeType fallback) {
        return type instanceof GraphQLCompositeType c ? c : fallback;
    }

    static long add(long a, long b) {
        long sum = a + b;
        return sum < 0 || sum > CEILING ? CEILING : sum;
    }

    static long multiply(long a, long b) {
        if (a == 0 || b == 0) {
            return 0;
        }
        return a > CEILING / b ? CEILING : Math.min(CEILING, a * b);
    }
}
