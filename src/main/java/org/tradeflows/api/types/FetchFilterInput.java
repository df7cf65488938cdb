package org.tradeflows.api.types;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("FetchFilterInput")
@Description("What to take from a publisher's data; every list empty or absent means all.")
public record FetchFilterInput(
        @Description("Years, e.g. [2022, 2023].") List<Integer> years,
        @Description("Exporters (reporters), ISO 3166 alpha-3, e.g. [\"CHN\"].") List<String> exporters,
        @Description("Importers (partners), ISO 3166 alpha-3, e.g. [\"RUS\", \"KAZ\"].") List<String> importers,
        @Description("HS chapters, headings or subheadings, e.g. [\"84\", \"8806\"].") List<String> hs) {
}
