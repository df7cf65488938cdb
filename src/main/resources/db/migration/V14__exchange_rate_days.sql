-- The ECB's daily reference rates ship with the open dataset (issue 15): a rate can now be of one day, besides the
-- monthly and annual averages computed from the days.
alter table exchange_rate drop constraint exchange_rate_period_kind_check;
alter table exchange_rate add constraint exchange_rate_period_kind_check check (period_kind in ('YEAR', 'MONTH', 'DAY'));

-- The rate that converts a figure, by the kind of its period (the one rule; to_eur and to_usd in R__domain_rules call
-- it, and ExchangeRateTable mirrors it in memory for the loaders): a figure of a year or a quarter takes the annual
-- average of its year (a quarter's first month alone would misstate its other two); a figure of a month, and a dated
-- shipment (kind MONTH), the monthly average of its month, else (a rate file of annual rates only) the annual average
-- of its year. A day's rate never converts a figure by itself, and no rate is ever
-- taken from another period: where the ECB published none (RUB after 1 March 2022) the answer is null.
create function conversion_rate(p_currency text, p_period_kind text, p_on date)
returns table (units_per_eur numeric, period_kind text, period_start date, source_id bigint)
language sql stable as $$
    select r.units_per_eur, r.period_kind, r.period_start, r.source_id from exchange_rate r
     where r.currency = p_currency
       and ((p_period_kind = 'MONTH' and r.period_kind = 'MONTH' and r.period_start = date_trunc('month', p_on)::date)
         or (r.period_kind = 'YEAR' and r.period_start = date_trunc('year', p_on)::date))
     order by r.period_kind = 'YEAR'
     limit 1
$$;

create function units_per_eur(p_currency text, p_period_kind text, p_on date) returns numeric
language sql stable as $$
    select case when p_currency = 'EUR' then 1::numeric
                else (select c.units_per_eur from conversion_rate(p_currency, p_period_kind, p_on) c) end
$$;
