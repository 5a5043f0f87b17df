import { useCallback, useEffect, useMemo, useState } from 'react';
import { problemText, type Answer, type Api } from '../api/client';
import type { components } from '../api/schema';
import type { Say } from '../App';
import { Chart, type ChartOption } from './Chart';

type Table = Answer<components['schemas']['Reports.ReportTable']>;
type Location = Answer<components['schemas']['LocationView']>;
type Cell = string | number | null;

const REPORTS = ['revenue', 'utilisation', 'attendance', 'rebooking', 'customers', 'top-services', 'staff'] as const;
type Report = (typeof REPORTS)[number] | 'visits';

function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The values of one column of a table, by name. */
function column(table: Table, name: string): Cell[] {
  const index = table.columns.indexOf(name);
  return table.rows.map((row) => (row as Cell[])[index] ?? null);
}

function numbers(table: Table, name: string): number[] {
  return column(table, name).map((value) => (value === null ? 0 : Number(value)));
}

/** Values summed by the text of another column (revenue by day across salons, for one currency). */
function summed(table: Table, by: string, name: string): [string[], number[]] {
  const totals = new Map<string, number>();
  const keys = column(table, by).map(String);
  const values = numbers(table, name);
  keys.forEach((key, i) => totals.set(key, (totals.get(key) ?? 0) + values[i]));
  return [[...totals.keys()], [...totals.values()].map((value) => Math.round(value * 100) / 100)];
}

function bars(categories: string[], series: { name: string; data: number[] }[], stack = false): ChartOption {
  return {
    tooltip: { trigger: 'axis' }, legend: { top: 0 }, grid: { left: 48, right: 16, top: 36, bottom: 48 },
    xAxis: { type: 'category', data: categories, axisLabel: { interval: 0, hideOverlap: true } },
    yAxis: { type: 'value' },
    series: series.map((one) => ({ type: 'bar', name: one.name, data: one.data, ...(stack ? { stack: 'all' } : {}) })),
  };
}

/**
 * The chain's reports for owners and managers over a date range and salon: revenue booked, paid and refunded by day;
 * utilisation per stylist; no-shows and late cancellations; rebooking within 60 days; new and returning customers;
 * top services; staff performance — each a chart and its table, and each table (and every visit) as CSV.
 */
export default function Reports({ client, say, currency }: { client: Api; say: Say; currency: string }) {
  // this month, to its last day
  const today = new Date();
  const [from, setFrom] = useState(day(new Date(Date.UTC(today.getFullYear(), today.getMonth(), 1))));
  const [to, setTo] = useState(day(new Date(Date.UTC(today.getFullYear(), today.getMonth() + 1, 0))));
  const [locationId, setLocationId] = useState('');
  const [locations, setLocations] = useState<Location[]>([]);
  // a report that could not be read is 'failed' (the problem is said above them all)
  const [tables, setTables] = useState<Partial<Record<Report, Table | 'failed'>>>({});
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    client.GET('/api/v1/locations').then(({ data }) => setLocations((data ?? []) as Location[]));
  }, [client]);

  const query = useMemo(() => ({ from, to, ...(locationId ? { locationId } : {}) }), [from, to, locationId]);

  const load = useCallback(() => {
    setProblem(null);
    for (const report of REPORTS) {
      client.GET('/api/v1/reports/{report}', { params: { path: { report }, query } }).then(({ data, error }) => {
        if (data) {
          setTables((known) => ({ ...known, [report]: data as Table }));
        } else {
          setTables((known) => ({ ...known, [report]: 'failed' }));
          setProblem(problemText(error));
        }
      }, (error: unknown) => {
        setTables((known) => ({ ...known, [report]: 'failed' }));
        setProblem(String(error));
      });
    }
  }, [client, query]);
  useEffect(load, [load]);

  const download = async (report: Report) => {
    const { data, error } = await client.GET('/api/v1/reports/{report}.csv', {
      params: { path: { report }, query }, parseAs: 'blob' });
    if (!data) {
      setProblem(problemText(error));
      return;
    }
    const link = document.createElement('a');
    link.href = URL.createObjectURL(data as Blob);
    link.download = report + '-' + from + '-' + to + '.csv';
    link.click();
    URL.revokeObjectURL(link.href);
  };

  const chartOf = (report: Report, table: Table): ChartOption | null => {
    switch (report) {
      case 'revenue': {
        const mine: Table = { ...table, rows: table.rows.filter((row) => (row as Cell[])[2] === currency) };
        const [days, booked] = summed(mine, 'day', 'booked');
        return {
          tooltip: { trigger: 'axis' }, legend: { top: 0 }, grid: { left: 56, right: 16, top: 36, bottom: 40 },
          xAxis: { type: 'category', data: days }, yAxis: { type: 'value', name: currency },
          series: [{ type: 'line', name: say('bookedAmount'), data: booked },
            { type: 'line', name: say('paid'), data: summed(mine, 'day', 'paid')[1] },
            { type: 'line', name: say('refundedWord'), data: summed(mine, 'day', 'refunded')[1] }],
        };
      }
      case 'utilisation':
        return bars(column(table, 'stylist').map(String), [{ name: say('utilisation'),
          data: numbers(table, 'utilisation').map((value) => Math.round(value * 1000) / 10) }]);
      case 'attendance':
        return bars(column(table, 'location').map(String), [
          { name: say('noShowRate'), data: numbers(table, 'noShowRate').map((v) => Math.round(v * 1000) / 10) },
          { name: say('lateCancelRate'), data: numbers(table, 'lateCancelRate').map((v) => Math.round(v * 1000) / 10) }]);
      case 'rebooking':
        return bars(column(table, 'location').map(String), [{ name: say('rebookingRate'),
          data: numbers(table, 'rebookingRate').map((value) => Math.round(value * 1000) / 10) }]);
      case 'customers':
        return bars(column(table, 'location').map(String), [{ name: say('newCustomers'), data: numbers(table, 'new') },
          { name: say('returningCustomers'), data: numbers(table, 'returning') }], true);
      case 'top-services':
        return bars(column(table, 'service').map(String).slice(0, 10), [{ name: say('visits'),
          data: numbers(table, 'visits').slice(0, 10) }]);
      case 'staff':
        return bars(column(table, 'stylist').map(String), [{ name: say('revenue'), data: numbers(table, 'revenue') }]);
      default:
        return null;
    }
  };

  // the reports in order as far as they have come: one arriving early waits for those above it, so nothing on
  // the screen moves down when a report above it arrives
  const waiting = REPORTS.findIndex((report) => tables[report] === undefined);
  const shown = waiting < 0 ? REPORTS : REPORTS.slice(0, waiting);
  return (
    <section aria-label={say('reports')} className="reports">
      <form className="toolbar" onSubmit={(event) => { event.preventDefault(); load(); }}>
        <label>{say('from')}{' '}<input type="date" id="report-from" value={from} required
          onChange={(event) => setFrom(event.target.value)} /></label>
        <label>{say('until')}{' '}<input type="date" id="report-to" value={to} required min={from}
          onChange={(event) => setTo(event.target.value)} /></label>
        <label>{say('location')}{' '}<select id="report-location" value={locationId}
          onChange={(event) => setLocationId(event.target.value)}>
          <option value="">{say('allSalons')}</option>
          {locations.map((found) => <option key={found.id} value={found.id}>{found.name}</option>)}
        </select></label>
        <button type="button" id="download-visits" onClick={() => void download('visits')}>{say('allVisitsCsv')}</button>
      </form>
      {problem && <p role="alert" className="problem" id="report-problem">{problem}</p>}
      {shown.map((report) => {
        const answer = tables[report];
        const table = answer === 'failed' ? undefined : answer;
        const option = table ? chartOf(report, table) : null;
        const title = say(('report_' + report.replace('-', '_')) as Parameters<Say>[0]);
        return (
          <article key={report} className="report" id={'report-' + report} aria-labelledby={'title-' + report}>
            <div className="report-head">
              <h2 id={'title-' + report}>{title}</h2>
              <button type="button" className="link" onClick={() => void download(report)}
                aria-label={say('downloadCsv') + ' ' + title}>{say('downloadCsv')}</button>
            </div>
            {!table ? <p className="quiet">{say('notRead')}</p> : table.rows.length === 0 ? <p>{say('noRows')}</p> : (
              <>
                {option && <Chart option={option} label={title} />}
                <div className="scroll" tabIndex={0} role="region" aria-label={title + " · " + say("table")}>
                  <table className="list">
                    <thead><tr>{table.columns.map((name) => <th key={name} scope="col">
                      {say(('col_' + name) as Parameters<Say>[0]) ?? name}</th>)}</tr></thead>
                    <tbody>
                      {table.rows.map((row, i) => (
                        <tr key={i}>{(row as Cell[]).map((value, j) => <td key={j}>{value ?? '—'}</td>)}</tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </>
            )}
          </article>
        );
      })}
      {shown.length < REPORTS.length && <p role="status">{say('loading')}</p>}
    </section>
  );
}
