package org.tradeflows.query;

import java.util.List;
import org.tradeflows.model.FlowDimension;
import org.tradeflows.model.FlowOrderField;

/**
 * One aggregate over shipments, fully specified and immutable: the dimensions to group by, the shipment scope,
 * the ordering, the page and (for batched navigation) the partition. {@link FlowSql} renders it as one statement.
 */
public record FlowQuery(List<FlowDimension> groupBy, ShipmentScope scope, List<Order> orderBy, int limit,
        List<String> after, Partition partition, boolean needsDistinct) {

    /** A query whose distinct company counts are wanted (they need the shipments, not a rollup). */
    public FlowQuery(List<FlowDimension> groupBy, ShipmentScope scope, List<Order> orderBy, int limit, List<String> after,
            Partition partition) {
        this(groupBy, scope, orderBy, limit, after, partition, true);
    }

    /** The same query, answering distinct company counts only when asked for. */
    public FlowQuery withDistinct(boolean distinct) {
        return new FlowQuery(groupBy, scope, orderBy, limit, after, partition, distinct);
    }

    /** An ordering criterion with its direction resolved. */
    public record Order(FlowOrderField field, boolean descending) {
    }

    /** Which parents a batched query answers for, and how a shipment belongs to a parent. */
    public record Partition(PartitionKind kind, List<?> keys) {
    }

    public enum PartitionKind {
        /** Shipments the company supplied or received. */
        COMPANY,
        /** Shipments whose HS code is under the category (a code prefix or a section numeral). */
        PRODUCT,
        /** Shipments from or to the country. */
        COUNTRY
    }

    public FlowQuery {
        groupBy = List.copyOf(groupBy);
        orderBy = List.copyOf(orderBy);
    }

    public static FlowQuery total(ShipmentScope scope) {
        return new FlowQuery(List.of(), scope, List.of(), 1, null, null);
    }
}
