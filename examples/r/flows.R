#!/usr/bin/env Rscript
# Tradeflows from R (Debian's r-base-core, r-cran-httr2, r-cran-jsonlite): a flows table through GraphQL into a
# data frame, and a whole export into another. Run: TRADEFLOWS_URL=http://localhost:8080 Rscript examples/r/flows.R
# Optional arguments: a FlowFilter as JSON, and the dimensions to group by (comma-separated).
suppressPackageStartupMessages({
  library(httr2)
  library(jsonlite)
})

args <- commandArgs(trailingOnly = TRUE)
url <- Sys.getenv("TRADEFLOWS_URL", "http://localhost:8080")
filter <- if (length(args) >= 1) fromJSON(args[[1]], simplifyVector = FALSE) else
  list(supplierCountries = list("CN"), recipientCountries = list("RU"))
group_by <- if (length(args) >= 2) strsplit(args[[2]], ",")[[1]] else c("HS2", "YEAR")

graphql <- function(query, variables = list()) {
  answer <- request(paste0(url, "/graphql")) |>
    req_body_json(list(query = query, variables = variables), auto_unbox = TRUE) |>
    req_error(is_error = function(resp) FALSE) |>
    req_perform() |>
    resp_body_json(simplifyVector = FALSE)
  if (!is.null(answer$errors)) {
    stop(paste(vapply(answer$errors, function(e) paste0(e$extensions$code, ": ", e$message), ""), collapse = "; "))
  }
  answer$data
}

# 1. GraphQL: every group of the flows table, page by page (Relay cursors)
query <- "query($filter: FlowFilter, $groupBy: [FlowDimension!], $after: String) {
  flows(filter: $filter, groupBy: $groupBy, first: 100, after: $after) {
    edges { node { hs2 { code } year valueEur shipmentCount } }
    pageInfo { hasNextPage endCursor } } }"
rows <- list()
after <- NULL
repeat {
  page <- graphql(query, list(filter = filter, groupBy = as.list(group_by), after = after))$flows
  for (edge in page$edges) {
    n <- edge$node
    rows[[length(rows) + 1]] <- data.frame(
      hs2 = if (is.null(n$hs2)) NA_character_ else n$hs2$code,
      year = if (is.null(n$year)) NA_integer_ else as.integer(n$year),
      value_eur = if (is.null(n$valueEur)) NA_real_ else as.numeric(n$valueEur),
      shipments = as.integer(n$shipmentCount))
  }
  if (!isTRUE(page$pageInfo$hasNextPage)) break
  after <- page$pageInfo$endCursor
}
flows <- do.call(rbind, rows)
cat(sprintf("flows: %d groups, %d shipments, EUR %.2f\n", nrow(flows), sum(flows$shipments),
            sum(flows$value_eur, na.rm = TRUE)))
print(head(flows[order(-flows$value_eur), ], 5), row.names = FALSE)

# 2. The export: the same shipments as a CSV into a data frame (codes kept as text, leading zeros and all)
resp <- request(paste0(url, "/export/shipments.csv")) |>
  req_url_query(filter = toJSON(filter, auto_unbox = TRUE)) |>
  req_perform()
shipments <- read.csv(text = resp_body_string(resp), colClasses = c(hs_code = "character", product_code = "character"))
# a complete export ends with the HTTP trailer X-Tradeflows-Rows (httr2 reads it as the response's last headers)
trailer <- resp_header(resp, "X-Tradeflows-Rows")
if (is.null(trailer) || as.integer(trailer) != nrow(shipments)) stop("the export is incomplete")
cat(sprintf("export: %d shipments, complete (X-Tradeflows-Rows: %s)\n", nrow(shipments), trailer))
