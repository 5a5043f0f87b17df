import { useCallback, useEffect, useState } from 'react';
import { problemText, type Answer, type Api } from '../api/client';
import type { components } from '../api/schema';
import type { Say } from '../App';
import type { Key } from '../i18n';
import { DAYS, formatRanges, parseRanges } from '../ranges';
import { fromWallClock } from '../time';
import { Policy } from './Policy';
import { Resources } from './Resources';
import { PaymentSettings } from '../payments/PaymentSettings';
import type { Me } from '../App';

type Location = Answer<components['schemas']['LocationView']>;
type Closure = Answer<components['schemas']['Closure.ClosureView']>;
type Holiday = Answer<components['schemas']['Holiday.HolidayView']>;
type Hours = components['schemas']['LocationRequest.HoursRequest'];

interface Draft {
  name: string;
  line1: string;
  city: string;
  postalCode: string;
  country: string;
  timezone: string;
  phone: string;
  latitude: string;
  longitude: string;
  hours: Record<string, string>;
}

function draftOf(location: Location | null, zone: string): Draft {
  const hours: Record<string, string> = {};
  for (const day of DAYS) {
    hours[day] = formatRanges((location?.openingHours ?? []).filter((span) => span.day === day)
      .map((span) => ({ start: span.opens.slice(0, 5), end: span.closes.slice(0, 5) })));
  }
  return { name: location?.name ?? '', line1: location?.address?.line1 ?? '', city: location?.address?.city ?? '',
    postalCode: location?.address?.postalCode ?? '', country: location?.address?.country ?? '',
    timezone: location?.timezone ?? zone, phone: location?.phone ?? '',
    latitude: location ? String(location.latitude) : '', longitude: location ? String(location.longitude) : '',
    hours };
}

/**
 * The chain's salons for owners and managers: each one's name, address, position, zone, phone and opening hours
 * (each weekday's ranges on the salon's clock; empty for closed), its closures (from and until on its clock) and
 * holidays (whole days shut); adding a salon; and the chain's booking policy and payment settings.
 */
export function Salons({ client, me, say, language, zone }: {
  client: Api; me: Me; say: Say; language: string; zone: string;
}) {
  const [locations, setLocations] = useState<Location[]>([]);
  const [chosen, setChosen] = useState<string | 'new' | null>(null);
  const [draft, setDraft] = useState<Draft>(draftOf(null, zone));
  const [closures, setClosures] = useState<Closure[]>([]);
  const [holidays, setHolidays] = useState<Holiday[]>([]);
  const [closure, setClosure] = useState({ start: '', end: '', reason: '' });
  const [holiday, setHoliday] = useState({ date: '', name: '' });
  const [problem, setProblem] = useState<string | null>(null);
  // a word's key, so that it follows a language switch
  const [notice, setNotice] = useState<Key | null>(null);
  const salon = locations.find((found) => found.id === chosen);
  const salonZone = salon?.timezone ?? zone;
  const time = new Intl.DateTimeFormat(language, { timeZone: salonZone, dateStyle: 'medium', timeStyle: 'short' });

  const load = useCallback(() => {
    client.GET('/api/v1/locations').then(({ data }) => setLocations((data ?? []) as Location[]));
  }, [client]);
  useEffect(load, [load]);

  const loadDays = useCallback(() => {
    if (!chosen || chosen === 'new') {
      return;
    }
    client.GET('/api/v1/locations/{id}/closures', { params: { path: { id: chosen } } })
      .then(({ data }) => setClosures((data ?? []) as Closure[]));
    client.GET('/api/v1/locations/{id}/holidays', { params: { path: { id: chosen } } })
      .then(({ data }) => setHolidays((data ?? []) as Holiday[]));
  }, [client, chosen]);
  useEffect(loadDays, [loadDays]);

  const said = (ok: boolean, error: unknown) => {
    setProblem(ok ? null : problemText(error));
    setNotice(ok ? 'saved' : null);
    return ok;
  };

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    const openingHours: Hours[] = [];
    for (const day of DAYS) {
      const ranges = parseRanges(draft.hours[day] ?? '');
      if (typeof ranges === 'string') {
        setProblem(say('notARange', ranges));
        return;
      }
      ranges.forEach((range) => openingHours.push({ day, opens: range.start, closes: range.end }));
    }
    const body = { name: draft.name, phone: draft.phone, timezone: draft.timezone, openingHours,
      latitude: Number(draft.latitude), longitude: Number(draft.longitude),
      address: { line1: draft.line1, city: draft.city, region: '', postalCode: draft.postalCode,
        country: draft.country.toUpperCase() } };
    if (chosen === 'new') {
      const { data, error, response } = await client.POST('/api/v1/locations', { body });
      if (said(response.ok, error) && data) {
        setChosen((data as Location).id);
      }
    } else if (chosen) {
      const { error, response } = await client.PATCH('/api/v1/locations/{id}', { params: { path: { id: chosen } },
        body });
      said(response.ok, error);
    }
    load();
  };

  const addClosure = async (event: React.FormEvent) => {
    event.preventDefault();
    const { error, response } = await client.POST('/api/v1/locations/{id}/closures', {
      params: { path: { id: chosen as string } }, body: {
        start: fromWallClock(new Date(closure.start), salonZone).toISOString(),
        end: fromWallClock(new Date(closure.end), salonZone).toISOString(), reason: closure.reason } });
    if (said(response.ok, error)) {
      setClosure({ start: '', end: '', reason: '' });
    }
    loadDays();
  };

  const addHoliday = async (event: React.FormEvent) => {
    event.preventDefault();
    const { error, response } = await client.PUT('/api/v1/locations/{id}/holidays/{date}', {
      params: { path: { id: chosen as string, date: holiday.date } }, body: { name: holiday.name } });
    if (said(response.ok, error)) {
      setHoliday({ date: '', name: '' });
    }
    loadDays();
  };

  const field = (key: Exclude<keyof Draft, 'hours'>, label: string, extra: React.InputHTMLAttributes<HTMLInputElement>
    = {}) => (
    <label>{label}<input id={'salon-' + key} value={draft[key]} {...extra}
      onChange={(event) => setDraft({ ...draft, [key]: event.target.value })} /></label>
  );

  return (
    <section aria-label={say('salons')} className="catalog">
      <div className="toolbar">
        <label>{say('location')}{' '}<select id="salon-choice" value={chosen ?? ''} onChange={(event) => {
          const id = event.target.value;
          setChosen(id || null);
          setDraft(draftOf(locations.find((found) => found.id === id) ?? null, zone));
          setProblem(null);
          setNotice(null);
        }}>
          <option value="">—</option>
          {locations.map((found) => <option key={found.id} value={found.id}>{found.name}</option>)}
        </select></label>
        <button type="button" id="add-salon" onClick={() => { setChosen('new'); setDraft(draftOf(null, zone));
          setProblem(null); setNotice(null); }}>{say('addSalon')}</button>
        {notice && <p role="status" className="notice">{say(notice)}</p>}
      </div>
      {problem && <p role="alert" className="problem" id="salon-problem">{problem}</p>}
      {chosen && (
        <form className="editor" onSubmit={(event) => void save(event)} aria-labelledby="salon-title" id="salon-form">
          <h2 id="salon-title">{chosen === 'new' ? say('addSalon') : draft.name}</h2>
          <div className="grid">
            {field('name', say('name'), { required: true, maxLength: 200 })}
            {field('phone', say('phone'), { type: 'tel', maxLength: 40 })}
            {field('line1', say('address'), { required: true, maxLength: 200 })}
            {field('city', say('city'), { required: true, maxLength: 100 })}
            {field('postalCode', say('postalCode'), { maxLength: 20 })}
            {field('country', say('country'), { required: true, minLength: 2, maxLength: 2 })}
            <label>{say('timezone')}<select id="salon-timezone" value={draft.timezone}
              onChange={(event) => setDraft({ ...draft, timezone: event.target.value })}>
              {Intl.supportedValuesOf('timeZone').map((name) => <option key={name} value={name}>{name}</option>)}
            </select></label>
            {field('latitude', say('latitude'), { required: true, inputMode: 'decimal' })}
            {field('longitude', say('longitude'), { required: true, inputMode: 'decimal' })}
          </div>
          <h3>{say('openingHours')}</h3>
          <p className="quiet">{say('hoursHelp')}</p>
          <div className="grid">
            {DAYS.map((day) => (
              <label key={day}>{say(('day_' + day) as Parameters<Say>[0])}<input id={'hours-' + day}
                value={draft.hours[day] ?? ''} placeholder="09:00-18:00" onChange={(event) => setDraft({ ...draft,
                  hours: { ...draft.hours, [day]: event.target.value } })} /></label>
            ))}
          </div>
          <div className="actions"><button type="submit" id="save-salon">{say('save')}</button></div>
        </form>
      )}
      {salon && (
        <div className="editor">
          <h3>{say('closures')}</h3>
          <ul className="notes">
            {closures.map((shut) => (
              <li key={shut.id}>{time.format(new Date(shut.start))} – {time.format(new Date(shut.end))}
                {shut.reason ? ' · ' + shut.reason : ''}{' '}
                <button type="button" className="link" onClick={() => void client.DELETE(
                  '/api/v1/locations/{id}/closures/{closureId}', { params: { path: { id: salon.id,
                    closureId: shut.id } } }).then(loadDays)}>{say('remove')}</button></li>
            ))}
          </ul>
          <form className="grid" onSubmit={(event) => void addClosure(event)}>
            <label>{say('from')}<input id="closure-start" type="datetime-local" required value={closure.start}
              onChange={(event) => setClosure({ ...closure, start: event.target.value })} /></label>
            <label>{say('until')}<input id="closure-end" type="datetime-local" required value={closure.end}
              onChange={(event) => setClosure({ ...closure, end: event.target.value })} /></label>
            <label>{say('reason')}<input id="closure-reason" maxLength={200} value={closure.reason}
              onChange={(event) => setClosure({ ...closure, reason: event.target.value })} /></label>
            <button type="submit" id="add-closure">{say('addClosure')}</button>
          </form>
          <h3>{say('holidays')}</h3>
          <ul className="notes">
            {holidays.map((day) => (
              <li key={day.date}>{day.date}{day.name ? ' · ' + day.name : ''}{' '}
                <button type="button" className="link" onClick={() => void client.DELETE(
                  '/api/v1/locations/{id}/holidays/{date}', { params: { path: { id: salon.id, date: day.date } } })
                  .then(loadDays)}>{say('remove')}</button></li>
            ))}
          </ul>
          <form className="grid" onSubmit={(event) => void addHoliday(event)}>
            <label>{say('dayWord')}<input id="holiday-date" type="date" required value={holiday.date}
              onChange={(event) => setHoliday({ ...holiday, date: event.target.value })} /></label>
            <label>{say('name')}<input id="holiday-name" maxLength={120} value={holiday.name}
              onChange={(event) => setHoliday({ ...holiday, name: event.target.value })} /></label>
            <button type="submit" id="add-holiday">{say('addHoliday')}</button>
          </form>
        </div>
      )}
      {salon && <Resources key={salon.id} client={client} say={say} location={salon} />}
      <Policy client={client} say={say} />
      <PaymentSettings client={client} me={me} say={say} language={language} />
    </section>
  );
}
