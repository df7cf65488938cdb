package org.tradeflows.ingest;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import org.tradeflows.ingest.rates.ExchangeRateLoader;
import org.tradeflows.ingest.sanctions.FtmJsonLinesLoader;
import org.tradeflows.ingest.sanctions.OpenSanctionsCsvLoader;
import org.tradeflows.ingest.shipment.ShipmentLoader;
import org.tradeflows.ingest.volume.BaciLoader;
import org.tradeflows.ingest.volume.ComextLoader;
import org.tradeflows.ingest.volume.ComtradeLoader;
import org.tradeflows.store.SourceSpec;

/** The file formats ingest reads, by the name used on the command line and in the upload URL. */
public enum IngestFormat {

    SHIPMENTS("shipments", "shipment CSV", ",", "CUSTOMS_RECORDS", ShipmentLoader::new, null),
    COMTRADE("comtrade", "UN Comtrade CSV", ",\t", "OFFICIAL_STATISTICS", ComtradeLoader::new,
            new SourceSpec("un-comtrade", "OFFICIAL_STATISTICS", "UN Comtrade database",
                    "United Nations Statistics Division", "https://comtradeplus.un.org", null,
                    "UN Comtrade terms of use (redistribution restricted)",
                    "United Nations Statistics Division, UN Comtrade database.", "Loaded from a file the curator holds.")),
    BACI("baci", "CEPII BACI CSV", ",", "OFFICIAL_STATISTICS", BaciLoader::new,
            new SourceSpec("cepii-baci", "OFFICIAL_STATISTICS", "BACI: international trade database at the product level",
                    "CEPII", "https://www.cepii.fr/CEPII/en/bdd_modele/bdd_modele_item.asp?id=37", null,
                    "Etalab Open Licence 2.0",
                    "Gaulier, G. and Zignago, S. (2010), BACI: International Trade Database at the Product-Level, CEPII.",
                    "Reconciled exporter/importer declarations: values FOB in USD, quantities in tonnes.")),
    COMEXT("comext", "Eurostat Comext SDMX-CSV", ",", "OFFICIAL_STATISTICS", ComextLoader::new,
            new SourceSpec("eurostat-comext", "OFFICIAL_STATISTICS", "EU trade since 1988 by HS2-4-6 and CN8 (DS-045409)",
                    "Eurostat", "https://ec.europa.eu/eurostat/comext/newxtweb/", null, "CC BY 4.0",
                    "Eurostat, Comext database, EU trade since 1988 by HS2-4-6 and CN8 (DS-045409).",
                    "Declared by the EU member states: monthly values in EUR at HS6, reporter an EU member state.")),
    OPENSANCTIONS_CSV("opensanctions-csv", "OpenSanctions targets.simple.csv", ",", "SANCTIONS_LIST",
            OpenSanctionsCsvLoader::new,
            FormatSources.OPENSANCTIONS),
    OPENSANCTIONS_FTM("opensanctions-ftm", "FollowTheMoney JSON lines", null, "SANCTIONS_LIST", FtmJsonLinesLoader::new,
            FormatSources.OPENSANCTIONS),
    EXCHANGE_RATES("exchange-rates", "exchange-rate CSV", ",", "EXCHANGE_RATES", ExchangeRateLoader::new, null);

    private final String key;
    private final String title;
    private final String delimiters;
    private final String sourceKind;
    private final Supplier<FormatLoader> loader;
    private final SourceSpec defaultSource;

    IngestFormat(String key, String title, String delimiters, String sourceKind, Supplier<FormatLoader> loader,
            SourceSpec defaultSource) {
        this.key = key;
        this.title = title;
        this.delimiters = delimiters;
        this.sourceKind = sourceKind;
        this.loader = loader;
        this.defaultSource = defaultSource;
    }

    public String key() {
        return key;
    }

    public String title() {
        return title;
    }

    /** The column delimiters a CSV format accepts (the first one found in the header is used); null for JSON lines. */
    public char[] delimiters() {
        return delimiters == null ? null : delimiters.toCharArray();
    }

    public String sourceKind() {
        return sourceKind;
    }

    public FormatLoader loader() {
        return loader.get();
    }

    /** The source rows of this format belong to when the curator names none, or null when one must be named. */
    public SourceSpec defaultSource() {
        return defaultSource;
    }

    public static IngestFormat byKey(String key) {
        String k = key == null ? "" : key.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.key.equals(k)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown format '" + key + "'; the formats are: "
                        + String.join(", ", Arrays.stream(values()).map(IngestFormat::key).toList())));
    }

    private static final class FormatSources {
        static final SourceSpec OPENSANCTIONS = new SourceSpec("opensanctions", "SANCTIONS_LIST", "OpenSanctions",
                "OpenSanctions Datenbanken GmbH", "https://www.opensanctions.org", null,
                "CC BY-NC 4.0 (commercial use requires a licence from OpenSanctions)",
                "OpenSanctions, consolidated sanctions data, https://www.opensanctions.org.",
                "Loaded from an export the curator holds.");
    }
}
