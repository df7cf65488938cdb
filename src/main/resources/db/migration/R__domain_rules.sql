-- Domain rules, each stated once as an SQL function that Java and other SQL call instead of restating it.
--
-- Each is `language sql` with a single expression and no table access, so PostgreSQL inlines it into the calling
-- query (no call per row, the same plans as the expression written out); DomainRulesTest checks that. To stay
-- inlinable a function must not be declared more volatile than its body nor `strict` unless every construct in it is
-- strict, and must not use an expensive argument more than once.
--
-- Repeatable migration: Flyway applies it after every versioned one, and again whenever this file changes. So a
-- versioned migration must never call these functions; one that needs a rule defines it in a V migration first.
-- Never restate search_key (V1) here: it backs expression indexes, which `create or replace` would not rebuild.

-- Money. A value in units of a currency, with the rate in units of that currency per EUR; a missing rate gives null,
-- never 0. The rate lookup itself is units_per_eur (V1).
create or replace function eur_of(p_value numeric, p_units_per_eur numeric) returns numeric
language sql immutable strict parallel safe as $$ select round(p_value / p_units_per_eur, 2) $$;

-- USD keeps a USD value as given; any other currency goes through EUR with both rates.
create or replace function usd_of(p_value numeric, p_currency text, p_units_per_eur numeric,
                                  p_usd_units_per_eur numeric) returns numeric
language sql immutable parallel safe as $$
    select case when p_currency = 'USD' then p_value else round(p_value / p_units_per_eur * p_usd_units_per_eur, 2) end
$$;

-- The conversions at a date (V1's definitions, same signatures and results), in terms of the two above.
create or replace function to_eur(p_value numeric, p_currency text, p_on date) returns numeric
language sql stable as $$ select eur_of(p_value, units_per_eur(p_currency, p_on)) $$;

create or replace function to_usd(p_value numeric, p_currency text, p_on date) returns numeric
language sql stable as $$ select usd_of(p_value, p_currency, units_per_eur(p_currency, p_on), units_per_eur('USD', p_on)) $$;

-- A sanction is in force on a date when it is confirmed, listed on or before that date, and not ended by then (an
-- end date is the first day it no longer applies). An undated listing counts from the day of asking: in force for
-- today and later, not for the past, since nothing says when it began. This is CompanySql.SANCTION_IN_FORCE's
-- `listed_on <= ? or (listed_on is null and ? >= current_date)`, written with coalesce so that an undated listing
-- asked about in the past gives false rather than null (the same inside `exists`, and safe under `not`).
-- Stable, not immutable: it reads current_date.
create or replace function sanction_in_force(p_confirmed boolean, p_listed_on date, p_ended_on date, p_on date)
returns boolean
language sql stable parallel safe as $$
    select p_confirmed and coalesce(p_listed_on <= p_on, p_on >= current_date)
           and (p_ended_on is null or p_ended_on > p_on)
$$;

-- The precision of a sum, from how many of its values carry each qualifier: lower bounds dominate ("more than" over
-- "at least"), then estimates, then approximations; a sum with none of them is exact. Callers pass counts of
-- shipments (count(*) filter (where value_qualifier = ...)) or the sums of a rollup's counts.
create or replace function sum_qualifier(p_more_than numeric, p_at_least numeric, p_estimated numeric,
                                         p_approximate numeric) returns text
language sql immutable parallel safe as $$
    select case when p_more_than > 0 then 'MORE_THAN' when p_at_least > 0 then 'AT_LEAST'
                when p_estimated > 0 then 'ESTIMATED' when p_approximate > 0 then 'APPROXIMATE'
                else 'EXACT' end
$$;

-- The conversions of a figure of a period (YEAR, QUARTER, MONTH; a dated shipment is MONTH) at the rate V14's
-- conversion_rate picks for that kind of period: the annual average for a year or a quarter, the monthly average for
-- a month or a date. The three-argument forms above are the MONTH case.
create or replace function to_eur(p_value numeric, p_currency text, p_period_kind text, p_on date) returns numeric
language sql stable as $$ select eur_of(p_value, units_per_eur(p_currency, p_period_kind, p_on)) $$;

create or replace function to_usd(p_value numeric, p_currency text, p_period_kind text, p_on date) returns numeric
language sql stable as $$
    select usd_of(p_value, p_currency, units_per_eur(p_currency, p_period_kind, p_on),
                  units_per_eur('USD', p_period_kind, p_on))
$$;
