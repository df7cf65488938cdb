package org.tradeflows.query;

import java.util.ArrayList;
import java.util.List;

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
    static Where.Fragment render(Where.Fragment base, List<String> groupColumns, String measures, boolean partitioned,
            List<Keyset.Column> sort, List<String> after, int limit) {
        List<Object> params = new ArrayList<>(base.params());
        List<String> groups = new ArrayList<>(groupColumns);
        if (partitioned) {
            groups.add("part_key");
        }
        String groupList = String.join(", ", groups);
        String window = partitioned ? "partition by part_key" : "";
        String order = Keyset.orderBy(sort);
        StringBuilder sql = new StringBuilder("with base as (").append(base.sql()).append("),\n")
                .append("grouped as (select ").append(groupList.isEmpty() ? "" : groupList + ", ").append(measures)
                .append(" from base").append(groupList.isEmpty() ? "" : " group by " + groupList).append("),\n")
                .append("measured as (select *, value_eur / nullif(sum(value_eur) over (").append(window)
                .append("), 0) as share, count(*) over (").append(window).append(") as group_count from grouped)");
        if (partitioned) {
            sql.append(",\nranked as (select *, row_number() over (partition by part_key")
                    .append(sort.isEmpty() ? "" : " order by " + order).append(") as rn from measured)\nselect * from ranked");
        } else {
            sql.append("\nselect * from measured");
        }
        List<String> conditions = new ArrayList<>();
        if (after != null) {
            Keyset.check(sort, after);
            Where.Fragment keyset = Keyset.after(sort, after);
            conditions.add(keyset.sql());
            params.addAll(keyset.params());
        }
        if (partitioned) {
            conditions.add("rn <= ?");
            params.add(limit);
        }
        if (!conditions.isEmpty()) {
            sql.append(" where ").append(String.join(" and ", conditions));
        }
        if (partitioned) {
            sql.append(" order by part_key, rn");
        } else {
            if (!sort.isEmpty()) {
                sql.append(" order by ").append(order);
            }
            sql.append(" limit ?");
            params.add(limit);
        }
        return new Where.Fragment(sql.toString(), params);
    }

    /** The precision of a sum: lower bounds dominate, then estimates, then approximations. */
    static final String QUALIFIER = """
            case when bool_or(value_qualifier = 'MORE_THAN') then 'MORE_THAN'
                 when bool_or(value_qualifier = 'AT_LEAST') then 'AT_LEAST'
                 when bool_or(value_qualifier = 'ESTIMATED') then 'ESTIMATED'
                 when bool_or(value_qualifier = 'APPROXIMATE') then 'APPROXIMATE'
                 else 'EXACT' end as qualifier""";
}
