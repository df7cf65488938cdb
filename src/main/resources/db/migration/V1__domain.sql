-- Tradeflows domain schema. Every figure row carries its source; every loaded row its data release.
-- Natural keys are unique so that loading the same data twice cannot duplicate it.

create table source (
    id            bigserial primary key,
    key           text not null unique check (key ~ '^[a-z0-9][a-z0-9._-]*$'),
    title         text not null check (length(title) > 0),
    publisher     text,
    url           text check (url is null or url ~ '^https?://'),
    published_on  date,
    kind          text not null check (kind in ('OFFICIAL_STATISTICS', 'CUSTOMS_RECORDS', 'INVESTIGATION',
                                                'NEWS_REPORT', 'SANCTIONS_LIST', 'REGISTRY', 'REFERENCE',
                                                'EXCHANGE_RATES', 'RESEARCH_NOTES', 'SYNTHETIC')),
    licence       text,
    citation      text not null check (length(citation) > 0),
    note          text
);

create table data_release (
    id              bigserial primary key,
    key             text not null unique,
    version         text not null,
    kind            text not null check (kind in ('REFERENCE', 'STORY', 'INGEST', 'SYNTHETIC')),
    synthetic       boolean not null default false,
    released_at     timestamptz not null default now(),
    content_sha256  text not null check (content_sha256 ~ '^[0-9a-f]{64}$'),
    source_id       bigint references source (id),
    counts          jsonb not null default '{}'::jsonb,
    changelog       text,
    check (synthetic = (kind = 'SYNTHETIC')),
    unique (id, synthetic)
);

create table country (
    code           text primary key check (code ~ '^[A-Z]{2}$'),
    alpha3         text not null unique check (alpha3 ~ '^[A-Z]{3}$'),
    numeric_code   integer not null unique check (numeric_code between 0 and 999),
    name           text not null,
    official_name  text,
    name_ru        text,
    name_zh        text,
    region         text,
    subregion      text
);

create table product_category (
    code          text primary key check (code ~ '^([0-9]{2}|[0-9]{4}|[0-9]{6}|[IVXL]+)$'),
    level         text not null check (level in ('SECTION', 'CHAPTER', 'HEADING', 'SUBHEADING')),
    parent_code   text references product_category (code),
    section_code  text references product_category (code),
    description   text not null,
    -- chapter 99 (commodities not specified according to kind) belongs to no section
    check (level <> 'SECTION' or (parent_code is null and section_code = code)),
    check (level in ('SECTION', 'CHAPTER') or parent_code is not null),
    check (level = 'SECTION' or section_code is not null or code like '99%'),
    check (level <> 'CHAPTER' or length(code) = 2),
    check (level <> 'HEADING' or length(code) = 4),
    check (level <> 'SUBHEADING' or length(code) = 6)
);
create index product_category_parent on product_category (parent_code);
create index product_category_words on product_category using gin (to_tsvector('english', description));

create table chpl_entry (
    hs6           text primary key references product_category (code),
    tier          text not null check (tier in ('TIER_1', 'TIER_2', 'TIER_3A', 'TIER_3B', 'TIER_4A', 'TIER_4B')),
    tier_summary  text not null,
    list_version  date not null,
    source_id     bigint not null references source (id),
    check (length(hs6) = 6)
);

create table topic (
    id           bigserial primary key,
    key          text not null unique check (key ~ '^[a-z0-9-]+$'),
    name         text not null,
    description  text not null,
    source_id    bigint not null references source (id)
);

create table topic_product (
    topic_id      bigint not null references topic (id) on delete cascade,
    product_code  text not null references product_category (code),
    note          text not null,
    primary key (topic_id, product_code)
);

create table company (
    id                     bigserial primary key,
    key                    text unique check (key ~ '^[a-z0-9][a-z0-9-]*$'),
    name                   text not null check (length(trim(name)) > 0),
    name_original          text,
    country_code           text references country (code),
    city                   text,
    special_economic_zone  text,
    description            text,
    merged_into_id         bigint references company (id),
    source_id              bigint references source (id),
    release_id             bigint references data_release (id),
    check (merged_into_id is null or merged_into_id <> id)
);
create index company_country on company (country_code);
create index company_name_lower on company (lower(name));

create table company_alias (
    id          bigserial primary key,
    company_id  bigint not null references company (id) on delete cascade,
    alias       text not null check (length(trim(alias)) > 0),
    kind        text not null check (kind in ('ORIGINAL_SCRIPT', 'TRANSLITERATION', 'ALIAS', 'ABBREVIATION', 'FORMER_NAME')),
    source_id   bigint references source (id),
    unique (company_id, alias)
);
create index company_alias_lower on company_alias (lower(alias));

create table company_identifier (
    id          bigserial primary key,
    company_id  bigint not null references company (id) on delete cascade,
    scheme      text not null check (scheme in ('INN', 'OGRN', 'KPP', 'USCC', 'LEI', 'OPENSANCTIONS', 'OTHER')),
    value       text not null check (length(value) > 0),
    source_id   bigint references source (id),
    unique (scheme, value),
    check (scheme <> 'INN' or value ~ '^([0-9]{10}|[0-9]{12})$'),
    check (scheme <> 'OGRN' or value ~ '^([0-9]{13}|[0-9]{15})$'),
    check (scheme <> 'KPP' or value ~ '^[0-9]{4}[0-9A-Z]{2}[0-9]{3}$'),
    check (scheme <> 'USCC' or value ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'),
    check (scheme <> 'LEI' or value ~ '^[0-9A-Z]{18}[0-9]{2}$')
);
create index company_identifier_company on company_identifier (company_id);

create table ownership (
    owner_id     bigint not null references company (id),
    owned_id     bigint not null references company (id),
    share        numeric(7, 4) check (share is null or (share > 0 and share <= 100)),
    source_id    bigint not null references source (id),
    primary key (owner_id, owned_id),
    check (owner_id <> owned_id)
);

create table sanction (
    id          bigserial primary key,
    company_id  bigint not null references company (id),
    authority   text not null check (authority in ('EU', 'US_OFAC', 'US_BIS', 'UK', 'JAPAN', 'SWITZERLAND',
                                                   'UKRAINE', 'CANADA', 'AUSTRALIA', 'OTHER')),
    program     text,
    listed_on   date,
    ended_on    date,
    confirmed   boolean not null default true,
    source_id   bigint not null references source (id),
    note        text,
    check (ended_on is null or listed_on is null or ended_on >= listed_on)
);
create unique index sanction_natural on sanction (company_id, authority, coalesce(program, ''), coalesce(listed_on, date '0001-01-01'));

create table exchange_rate (
    currency      text not null check (currency ~ '^[A-Z]{3}$'),
    period_kind   text not null check (period_kind in ('YEAR', 'MONTH')),
    period_start  date not null,
    units_per_eur numeric(20, 8) not null check (units_per_eur > 0),
    source_id     bigint not null references source (id),
    primary key (currency, period_kind, period_start),
    check (period_kind <> 'YEAR' or (extract(month from period_start) = 1 and extract(day from period_start) = 1)),
    check (period_kind <> 'MONTH' or extract(day from period_start) = 1)
);

-- A company-level flow: one customs record or one reported flow between two parties over a date or a period.
create table shipment (
    id                       bigserial primary key,
    release_id               bigint not null references data_release (id),
    synthetic                boolean not null default false,
    source_id                bigint not null references source (id),
    source_record_ref        text not null,
    supplier_id              bigint references company (id),
    recipient_id             bigint references company (id),
    supplier_declared_name   text,
    recipient_declared_name  text,
    supplier_country         text not null references country (code),
    recipient_country        text not null references country (code),
    origin_country           text references country (code),
    destination_country      text references country (code),
    period_start             date not null,
    period_end               date not null,
    hs_code                  text not null check (hs_code ~ '^[0-9]{2,10}$'),
    hs2                      text generated always as (left(hs_code, 2)) stored,
    hs4                      text generated always as (case when length(hs_code) >= 4 then left(hs_code, 4) end) stored,
    hs6                      text generated always as (case when length(hs_code) >= 6 then left(hs_code, 6) end) stored,
    product_code             text not null references product_category (code),
    description              text,
    value                    numeric(20, 2) not null check (value >= 0),
    currency                 text not null check (currency ~ '^[A-Z]{3}$'),
    value_eur                numeric(20, 2) check (value_eur >= 0),
    value_usd                numeric(20, 2) check (value_usd >= 0),
    value_qualifier          text not null check (value_qualifier in ('EXACT', 'AT_LEAST', 'MORE_THAN', 'APPROXIMATE', 'ESTIMATED')),
    quantity                 numeric(20, 3) check (quantity >= 0),
    quantity_unit            text,
    net_weight_kg            numeric(20, 3) check (net_weight_kg >= 0),
    unique (source_id, source_record_ref),
    -- a shipment is synthetic exactly when its release is: generated data can never pass as facts
    foreign key (release_id, synthetic) references data_release (id, synthetic),
    check (period_end >= period_start),
    check (starts_with(hs_code, product_code)),
    check (quantity is null or quantity_unit is not null)
);
create index shipment_supplier on shipment (supplier_id);
create index shipment_recipient on shipment (recipient_id);
create index shipment_period on shipment (period_start, id);
create index shipment_product on shipment (product_code);
create index shipment_countries on shipment (supplier_country, recipient_country, period_start);
create index shipment_release on shipment (release_id);

create table shipment_intermediary (
    shipment_id   bigint not null references shipment (id) on delete cascade,
    position      integer not null check (position >= 1),
    company_id    bigint references company (id),
    country_code  text references country (code),
    primary key (shipment_id, position),
    check (company_id is not null or country_code is not null)
);
create index shipment_intermediary_company on shipment_intermediary (company_id);

create table trade_volume (
    id               bigserial primary key,
    release_id       bigint not null references data_release (id),
    source_id        bigint not null references source (id),
    reporter         text not null references country (code),
    partner          text not null references country (code),
    flow             text not null check (flow in ('EXPORT', 'IMPORT', 'TOTAL')),
    period_kind      text not null check (period_kind in ('YEAR', 'QUARTER', 'MONTH')),
    period_start     date not null,
    period_end       date not null,
    product_code     text references product_category (code),
    value            numeric(24, 2) not null check (value >= 0),
    currency         text not null check (currency ~ '^[A-Z]{3}$'),
    value_eur        numeric(24, 2),
    value_usd        numeric(24, 2),
    value_qualifier  text not null check (value_qualifier in ('EXACT', 'AT_LEAST', 'MORE_THAN', 'APPROXIMATE', 'ESTIMATED')),
    net_weight_kg    numeric(24, 3) check (net_weight_kg >= 0),
    quantity         numeric(24, 3) check (quantity >= 0),
    quantity_unit    text,
    note             text,
    check (period_end >= period_start),
    check (reporter <> partner)
);
create unique index trade_volume_natural on trade_volume
    (source_id, reporter, partner, flow, period_start, period_end, coalesce(product_code, '*'), currency);
create index trade_volume_pair on trade_volume (reporter, partner, period_start);

-- A finding is a reported figure about a set of flows: a claim, never a transaction.
create table finding (
    id                bigserial primary key,
    key               text not null unique check (key ~ '^[a-z0-9][a-z0-9-]*$'),
    kind              text not null check (kind in ('TRADE_TOTAL', 'FLOW_SET', 'COMPANY_FLOW', 'GOODS', 'PRODUCTION', 'COMPANY_COUNT')),
    release_id        bigint not null references data_release (id),
    source_id         bigint not null references source (id),
    statement         text not null,
    quote             text,
    value             numeric(24, 2) check (value >= 0),
    currency          text check (currency ~ '^[A-Z]{3}$'),
    value_qualifier   text check (value_qualifier in ('EXACT', 'AT_LEAST', 'MORE_THAN', 'APPROXIMATE', 'ESTIMATED')),
    count             integer check (count >= 0),
    count_unit        text,
    count_qualifier   text check (count_qualifier in ('EXACT', 'AT_LEAST', 'MORE_THAN', 'APPROXIMATE', 'ESTIMATED')),
    period_start      date,
    period_end        date,
    period_label      text,
    part_of_id        bigint references finding (id),
    same_claim_as_id  bigint references finding (id),
    confirmed         boolean not null default true,
    through_intermediaries boolean not null default false,
    note              text,
    check ((value is null) = (currency is null) and (value is null) = (value_qualifier is null)),
    check ((count is null) = (count_unit is null) and (count is null) = (count_qualifier is null)),
    check (period_end is null or period_start is null or period_end >= period_start),
    check (part_of_id is null or part_of_id <> id)
);

-- Other amounts the source gives for the same figure (e.g. GBP 47m "about USD 63m, EUR 55m").
create table finding_amount (
    finding_id       bigint not null references finding (id) on delete cascade,
    currency         text not null check (currency ~ '^[A-Z]{3}$'),
    value            numeric(24, 2) not null check (value >= 0),
    value_qualifier  text not null check (value_qualifier in ('EXACT', 'AT_LEAST', 'MORE_THAN', 'APPROXIMATE', 'ESTIMATED')),
    primary key (finding_id, currency)
);

create table finding_company (
    finding_id  bigint not null references finding (id) on delete cascade,
    company_id  bigint not null references company (id),
    role        text not null check (role in ('SUPPLIER', 'RECIPIENT', 'INTERMEDIARY', 'SUBJECT')),
    primary key (finding_id, company_id, role)
);
create index finding_company_company on finding_company (company_id);

create table finding_country (
    finding_id    bigint not null references finding (id) on delete cascade,
    country_code  text not null references country (code),
    role          text not null check (role in ('ORIGIN', 'DESTINATION', 'SUBJECT')),
    primary key (finding_id, country_code, role)
);

create table finding_product (
    finding_id    bigint not null references finding (id) on delete cascade,
    product_code  text not null references product_category (code),
    goods_label   text not null,
    primary key (finding_id, product_code)
);

create table finding_goods (
    finding_id  bigint not null references finding (id) on delete cascade,
    position    integer not null,
    label       text not null,
    primary key (finding_id, position)
);

-- Money: a value in any currency normalised to EUR and USD with the monthly rate where known, else the annual one.
create function units_per_eur(p_currency text, p_on date) returns numeric
language sql stable as $$
    select case when p_currency = 'EUR' then 1::numeric else (
        select r.units_per_eur from exchange_rate r
         where r.currency = p_currency
           and ((r.period_kind = 'MONTH' and r.period_start = date_trunc('month', p_on)::date)
             or (r.period_kind = 'YEAR' and r.period_start = date_trunc('year', p_on)::date))
         order by r.period_kind = 'YEAR'
         limit 1) end
$$;

create function to_eur(p_value numeric, p_currency text, p_on date) returns numeric
language sql stable as $$ select round(p_value / units_per_eur(p_currency, p_on), 2) $$;

create function to_usd(p_value numeric, p_currency text, p_on date) returns numeric
language sql stable as $$
    select case when p_currency = 'USD' then p_value
                else round(p_value / units_per_eur(p_currency, p_on) * units_per_eur('USD', p_on), 2) end
$$;

-- Search keys: lower case, letters and digits only, so 'Ural Civil-Aviation' finds 'ural civil aviation'.
create function search_key(p_text text) returns text
language sql immutable strict parallel safe as $$ select regexp_replace(lower(p_text), '[^[:alnum:]]+', '', 'g') $$;
create index company_search_key on company (search_key(name));
create index company_alias_search_key on company_alias (search_key(alias));
