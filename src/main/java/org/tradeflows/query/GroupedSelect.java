package org.tradeflows.query;

import static org.tradeflows.sql.Sql.sql;
import static org.tradeflows.sql.Sql.value;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tradeflows.sql.Sql;

/**
 * The shape every aggregate query shares: filtered base rows, grouped with measures, a share of the total and the
 * number of groups as window functions, then ordered and cut by keyset (or, partitioned, the first rows of each
 * parent). One statement; all values bound.
 */
final class GroupedSelect {

    private GroupedSelect() {
    }

    /**
     * @param base SQL of the base rows; must name the group columns and, when partitioned, {@code part_key}
     * @param groupColumns aliases of the base columns to group by (without part_key)
     * @param measures aggregate expressions over the base rows, with aliases; must include {@code value_eur}
     * @param partitioned whether rows carry a {@code part_key} and each parent gets its own first {@code limit} rows
     */
    static Sql render(Sql base, List<String> groupColumns, String measures, boolean partitioned,
            List<Keyset.Column> sort, List<String> after, int limit) {
        List<String> groups = new ArrayList<>(groupColumns);
        if (partitioned) {
            groups.add("part_key");
        }
        Sql groupList = Sql.join(groups.stream().map(g -> sql(g)).toList(), ", ");
        Sql order = Keyset.orderBy(sort);
        Sql statement = sql("with base as ({base}),\n"
                + "grouped as (select {groups}{measures} from base{groupBy}),\n"
                + "measured as (select *, value_eur / nullif(sum(value_eur) over ({window}), 0) as share, "
                + "count(*) over ({window}) as group_count from grouped)", Map.of("base", base,
                        "groups", groupList.isEmpty() ? Sql.EMPTY : sql("{}, ", groupList), "measures", sql(measures),
                        "groupBy", groupList.isEmpty() ? Sql.EMPTY : sql(" group by {}", groupList),
                        "window", partitioned ? sql("partition by part_key") : Sql.EMPTY));
        List<Sql> conditions = new ArrayList<>();
        if (partitioned) {
            // each parent's page starts after the cursor: rows are ranked once the cursor has cut them
            Sql cut = Sql.TRUE;
            if (after != null) {
                Keyset.check(sort, after);
                cut = Keyset.after(sort, after);
            }
            statement = sql("{},\nranked as (select *, row_number() over (partition by part_key"
                    + (sort.isEmpty() ? "" : " order by {}") + ") as rn from measured where {})\nselect * from ranked",
                    sort.isEmpty() ? new Sql[] {statement, cut} : new Sql[] {statement, order, cut});
            conditions.add(sql("rn <= {}", value(limit)));
        } else {
            statement = sql("{}\nselect * from measured", statement);
            if (after != null) {
                Keyset.check(sort, after);
                conditions.add(Keyset.after(sort, after));
            }
        }
        if (!conditions.isEmpty()) {
            statement = statement.then(sql("where {}", Sql.join(conditions, " and ")));
        }
        if (partitioned) {
            return statement.then(sql("order by part_key, rn"));
        }
        if (!sort.isEmpty()) {
            statement = statement.then(sql("order by {}", order));
        }
        return statement.then(sql("limit {}", value(limit)));
    }

    /** The precision of a sum of figures, by the one rule {@code sum_qualifier} (R__domain_rules.sql). */
    static final String QUALIFIER = """
            sum_qualifier(count(*) filter (where value_qualifier = 'MORE_THAN'),
                          count(*) filter (where value_qualifier = 'AT_LEAST'),
                          count(*) filter (where value_qualifier = 'ESTIMATED'),
                          count(*) filter (where value_qualifier = 'APPROXIMATE')) as qualifier""";
}
