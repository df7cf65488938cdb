package org.tradeflows.input;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.tradeflows.model.SourceKind;
import org.tradeflows.query.SourceCriteria;

@Input("SourceFilter")
@Description("Filter for sources; all given conditions must hold.")
public record SourceFilter(
        @Description("Only sources of these kinds.") List<SourceKind> kinds,
        @Description("Text in the title, publisher or key.") String search,
        @Description("Also include synthetic (generated) sources, which are excluded by default.") Boolean includeSynthetic) implements SourceCriteria {
}
